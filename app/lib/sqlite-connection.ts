/**
 * Prisma's SQLite adapter, and a way to the better-sqlite3 connection it opens.
 *
 * A terminal command reads its workspace's version and saves it: two statements of a few
 * microseconds each, which cost over a millisecond each through Prisma's query layers.
 * They run on Prisma's own connection, not a second one: a second connection could find
 * the database locked by a transaction Prisma holds open across an await, and better-sqlite3
 * would wait for it on the event loop, which that transaction needs to finish.
 *
 * The adapter does not offer its connection; it keeps it as `client`. When a later
 * version no longer does, `opened` answers undefined and the callers go through Prisma.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";

export interface SqliteAdapter {
  /** For `new PrismaClient({ adapter })`. */
  readonly adapter: SqlMigrationAwareDriverAdapterFactory;
  /** The connection the client opened last; undefined before it connects. */
  opened(): Database.Database | undefined;
}

export function sqliteAdapter(url: string): SqliteAdapter {
  const factory = new PrismaBetterSqlite3({ url });
  let connection: Database.Database | undefined;
  const keep = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const client = (adapter as { client?: Partial<Database.Database> }).client;
    connection = typeof client?.prepare === "function" && typeof client.inTransaction === "boolean" ? (client as Database.Database) : undefined;
    return adapter;
  };
  return {
    adapter: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => keep(await factory.connect()),
      connectToShadowDb: () => factory.connectToShadowDb(),
    },
    opened: () => connection,
  };
}

/**
 * Runs `statements` (synchronous, so nothing else runs among them) once no transaction is
 * open on the connection: Prisma's interactive transactions are open across awaits, and a
 * statement run meanwhile would become part of one (and be undone with it).
 */
export async function outsideTransactions<T>(connection: Database.Database, statements: () => T): Promise<T> {
  while (connection.inTransaction) await new Promise((resolve) => setImmediate(resolve));
  return statements();
}
