import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { DatabaseProvider } from "../../prisma/database-target";
import { loadSchema } from "./provider-schema";

// One Prisma client per provider, so that DATABASE_URL alone picks the
// database at run time, with no regeneration. Runs on postinstall.

const PROVIDERS: DatabaseProvider[] = ["sqlite", "postgresql"];

/** Runs `prisma generate` for each provider; returns false if one failed (its output says why). */
export function generateClients(root: string): boolean {
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  return PROVIDERS.every((provider) => {
    const schema = loadSchema(provider, root);
    if (provider !== "sqlite") {
      mkdirSync(path.dirname(schema.path), { recursive: true });
      writeFileSync(schema.path, schema.content);
    }
    const run = spawnSync(process.execPath, [prismaCli, "generate", "--schema", schema.path], {
      cwd: root,
      // prisma.config.ts reads DATABASE_URL, which generate does not need; an
      // unusual value there must not break `npm install`.
      env: { ...process.env, DATABASE_URL: "" },
      stdio: "inherit",
    });
    return run.status === 0;
  });
}
