import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { PROVIDER_PATHS, resolveDatabaseTarget } from "./prisma/database-target";

const root = path.dirname(fileURLToPath(import.meta.url));

// `prisma generate` insists on downloading the native schema engine unless this
// names an existing file; it never runs it. Migrations go through
// scripts/db/migrate-cli.ts instead (see README, Database).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts/db/no-native-schema-engine.sh");

const target = resolveDatabaseTarget(process.env.DATABASE_URL, root);
const paths = PROVIDER_PATHS[target.provider];

export default defineConfig({
  schema: paths.schema,
  migrations: { path: paths.migrations },
  datasource: { url: target.url },
});
