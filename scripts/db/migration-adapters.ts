import { randomUUID } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import type { DatabaseTarget } from "../../prisma/database-target";

// Driver adapters as the schema engine needs them. The stock adapters serve
// the Prisma client well but trip the engine in a few places; each fix below
// names the place.

export function migrationAdapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  return target.provider === "sqlite" ? sqliteFactory(target.url) : postgresFactory(target.url);
}

function sqliteFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaBetterSqlite3({ url });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: async () => runScriptsWhole(await base.connectToShadowDb()),
  };
}

// The engine replays each migration file on the shadow database as a single
// argument-less executeRaw; better-sqlite3 would run only its first statement.
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

function postgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  // Discrete fields, not a connectionString: the shadow database's pool is
  // built as {...config, database}, and a connectionString would win over that
  // database and point the shadow at the real one.
  const config: pg.PoolConfig = { ...parseIntoClientConfig(url), Client: CatalogTolerantClient };
  const base = new PrismaPg(config);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: async () => {
      const admin = await base.connect();
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...config, database }).connect();
      // PrismaPg drops the shadow database while its own pool still holds a
      // connection to it, which Postgres refuses: close first, then drop.
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// adapter-pg refuses Postgres' internal one-byte "char" type, which the engine
// meets when it reads pg_catalog. Its values arrive as strings, so announcing
// those columns as text is all it takes.
class CatalogTolerantClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    Reflect.set(this, "query", (...args: unknown[]) => {
      const last = args.at(-1);
      if (typeof last === "function") {
        args[args.length - 1] = (error: unknown, result: unknown) => last(error, relabelChar(result));
        return query(...args);
      }
      const returned = query(...args);
      return returned instanceof Promise ? returned.then(relabelChar) : returned;
    });
  }
}

function relabelChar(result: unknown): unknown {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  for (const field of fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}
