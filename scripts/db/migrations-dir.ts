import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

// Reads a Prisma migrations folder (`<timestamp>_<name>/migration.sql` plus
// migration_lock.toml) into the shape the schema engine expects.

export const LOCKFILE = "migration_lock.toml";
export const MIGRATION_FILE = "migration.sql";

export async function readMigrations(dir: string): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => ({
      path: folder,
      migrationFile: {
        path: MIGRATION_FILE,
        content: await readFile(path.join(dir, folder, MIGRATION_FILE), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: NodeJS.ErrnoException) => ({ tag: "error" as const, value: `${error.code ?? error.message}` }),
        ),
      },
    })),
  );
  const lockContent = await readFile(path.join(dir, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}
