import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDatabaseTarget, type DatabaseTarget } from "../../prisma/database-target";
import { generateClients } from "./generate-clients";
import { applyMigrations, createMigration, markRolledBack } from "./migrate";

// The stand-in for `prisma generate`, `prisma migrate deploy` and
// `prisma migrate dev`, which need a native engine this machine cannot fetch.
// npm scripts: postinstall, db:deploy, db:migrate, db:resolve (see README, Database).

const USAGE = `usage: migrate-cli.ts generate      generate the Prisma clients (sqlite and postgresql)
       migrate-cli.ts deploy        apply pending migrations to DATABASE_URL
       migrate-cli.ts dev <name>    write a migration for schema changes, apply it, regenerate
                                    (name: letters, digits and _)
       migrate-cli.ts resolve <migration>
                                    mark a failed migration rolled back, so deploy retries it`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function describe(target: DatabaseTarget): string {
  return target.provider === "sqlite" ? `SQLite ${path.relative(root, target.file)}` : "PostgreSQL";
}

async function deploy(target: DatabaseTarget, log?: (line: string) => void): Promise<void> {
  const applied = await applyMigrations(target, { root, log });
  for (const migration of applied) console.log(`db: applied migration ${migration}`);
  console.log(`db: ${describe(target)} is up to date`);
}

async function main(args: string[]): Promise<number> {
  const [command, name] = args;
  if (command === "generate" && args.length === 1) return generateClients(root) ? 0 : 1;
  const target = resolveDatabaseTarget(process.env.DATABASE_URL, root);
  const log = process.env.KUBELAB_DB_DEBUG ? (line: string) => console.error(line) : undefined;
  if (command === "deploy" && args.length === 1) {
    await deploy(target, log);
    return 0;
  }
  if (command === "dev" && args.length === 2 && /^\w+$/.test(name)) {
    const created = await createMigration(target, name, { root, log });
    if (created.folder === null) {
      console.log("db: prisma/schema.prisma needs no new migration");
      return 0;
    }
    console.log(`db: wrote ${path.relative(root, created.folder)}`);
    if (created.warnings.length > 0) {
      for (const warning of created.warnings) console.warn(`db: warning: ${warning}`);
      console.warn("db: not applied because it may lose data; review it, then run npm run db:deploy");
      return generateClients(root) ? 0 : 1;
    }
    await deploy(target, log);
    return generateClients(root) ? 0 : 1;
  }
  if (command === "resolve" && args.length === 2) {
    await markRolledBack(target, name, { root, log });
    console.log(`db: marked ${name} as rolled back; npm run db:deploy applies it again`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

// The engine and the pg pool may keep handles open after their work is done.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
