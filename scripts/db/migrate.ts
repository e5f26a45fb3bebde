import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { PROVIDER_PATHS, type DatabaseTarget } from "../../prisma/database-target";
import { migrationAdapterFactory } from "./migration-adapters";
import { LOCKFILE, readMigrations } from "./migrations-dir";
import { loadSchema } from "./provider-schema";
import { openSchemaEngine, type SchemaEngine } from "./schema-engine";

// What `prisma migrate deploy` and `prisma migrate dev` do, through the Wasm
// schema engine. The folder layout and the _prisma_migrations table are
// Prisma's own, so the native CLI can take over on a machine that has it.

const NO_FILTER = { externalTables: [], externalEnums: [] };

export type MigrateOptions = {
  /** Project root: where prisma/ lives. */
  root: string;
  /** Receives the engine's own log lines (JSON), for debugging. */
  log?: (line: string) => void;
};

async function withEngine<T>(
  target: DatabaseTarget,
  { root, log }: MigrateOptions,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  if (target.provider === "sqlite") await mkdir(path.dirname(target.file), { recursive: true });
  const factory = migrationAdapterFactory(target);
  // The engine does not close the connections it opens; left open, a pg pool
  // keeps the process alive and SQLite keeps its journal file.
  const opened: SqlDriverAdapter[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const engine = await openSchemaEngine(loadSchema(target.provider, root), factory, log);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

function migrationsDir(target: DatabaseTarget, root: string): string {
  return path.join(root, PROVIDER_PATHS[target.provider].migrations);
}

/** Applies every migration not yet in the database; returns the names applied. */
export async function applyMigrations(target: DatabaseTarget, options: MigrateOptions): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir(target, options.root));
  return withEngine(target, options, async (engine) => {
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return appliedMigrationNames;
    } catch (error) {
      // The engine's message says what went wrong but not in which migration.
      const { failedMigrationNames } = await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      });
      if (failedMigrationNames.length === 0) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `migration ${failedMigrationNames.join(", ")} failed: ${message}\n` +
          "Fix the database by hand, then mark the migration rolled back with " +
          "`npm run db:resolve -- <name>` and deploy again.",
      );
    }
  });
}

/** Marks a failed migration as rolled back, so that deploy tries it again (`prisma migrate resolve --rolled-back`). */
export async function markRolledBack(target: DatabaseTarget, name: string, options: MigrateOptions): Promise<void> {
  await withEngine(target, options, (engine) => engine.markMigrationRolledBack({ migrationName: name }));
}

export type CreatedMigration = {
  /** Folder of the new migration, or null when the schema needs no change. */
  folder: string | null;
  /** Data-loss warnings for the new migration, to show before it is applied. */
  warnings: string[];
};

/**
 * Writes a new migration that takes the database from the migrations folder
 * to prisma/schema.prisma, like `prisma migrate dev --create-only`. Applies
 * pending migrations first, as the engine requires a database that is up to date.
 */
export async function createMigration(
  target: DatabaseTarget,
  name: string,
  options: MigrateOptions,
): Promise<CreatedMigration> {
  const dir = migrationsDir(target, options.root);
  const schema = { files: [loadSchema(target.provider, options.root)] };
  return withEngine(target, options, async (engine) => {
    await engine.applyMigrations({ migrationsList: await readMigrations(dir), filters: NO_FILTER });
    const migrationsList = await readMigrations(dir);
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (diagnostic.action.tag === "reset") {
      throw new Error(`the database does not match the migrations folder: ${diagnostic.action.reason}`);
    }
    const loss = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTER });
    if (loss.unexecutableSteps.length > 0) {
      throw new Error(loss.unexecutableSteps.map((step) => step.message).join("\n"));
    }
    const created = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema,
      filters: NO_FILTER,
    });
    if (created.migrationScript === null) return { folder: null, warnings: [] };
    const folderName =
      (await twinFolderName(target, options.root, name, migrationsList)) ?? created.generatedMigrationName;
    const folder = path.join(dir, folderName);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `migration.${created.extension}`), created.migrationScript);
    await writeFile(
      path.join(dir, LOCKFILE),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${target.provider}"\n`,
    );
    return { folder, warnings: loss.warnings.map((warning) => warning.message) };
  });
}

// A change is migrated once per provider, at different moments. Giving the
// second migration the first one's folder name keeps the two histories
// identical (a test checks that they are).
async function twinFolderName(
  target: DatabaseTarget,
  root: string,
  name: string,
  own: MigrationList,
): Promise<string | undefined> {
  const other = target.provider === "sqlite" ? "postgresql" : "sqlite";
  const otherList = await readMigrations(path.join(root, PROVIDER_PATHS[other].migrations));
  const ownNames = own.migrationDirectories.map((migration) => migration.path);
  const latest = ownNames.at(-1) ?? "";
  return otherList.migrationDirectories
    .map((migration) => migration.path)
    .filter((folder) => folder.endsWith(`_${name}`) && folder > latest && !ownNames.includes(folder))
    .at(-1);
}
