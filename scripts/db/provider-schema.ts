import { readFileSync } from "node:fs";
import path from "node:path";
import { PROVIDER_PATHS, type DatabaseProvider } from "../../prisma/database-target";

// prisma/schema.prisma is written for SQLite. PostgreSQL gets a copy that
// differs in exactly two lines, so the model can never drift between them.

const SQLITE_PROVIDER = /(datasource db \{\s*provider\s*=\s*)"sqlite"/;
const SQLITE_OUTPUT = /(generator client \{[^}]*output\s*=\s*)"\.\/generated\/sqlite"/;

/** The schema text for `provider`, derived from the SQLite source text. */
export function deriveSchema(provider: DatabaseProvider, sqliteSchema: string): string {
  if (provider === "sqlite") return sqliteSchema;
  for (const [pattern, what] of [
    [SQLITE_PROVIDER, 'datasource db { provider = "sqlite"'],
    [SQLITE_OUTPUT, 'generator client { output = "./generated/sqlite"'],
  ] as const) {
    if (!pattern.test(sqliteSchema)) {
      throw new Error(`prisma/schema.prisma: expected ${what} … }, which the PostgreSQL schema is derived from`);
    }
  }
  const header = "// GENERATED from prisma/schema.prisma by scripts/db/generate-clients.ts. Do not edit.\n";
  return (
    header +
    sqliteSchema.replace(SQLITE_PROVIDER, '$1"postgresql"').replace(SQLITE_OUTPUT, '$1"./postgresql"')
  );
}

/** Reads prisma/schema.prisma under `root` and returns the schema for `provider`. */
export function loadSchema(provider: DatabaseProvider, root: string): { path: string; content: string } {
  const source = readFileSync(path.join(root, PROVIDER_PATHS.sqlite.schema), "utf8");
  return { path: path.join(root, PROVIDER_PATHS[provider].schema), content: deriveSchema(provider, source) };
}
