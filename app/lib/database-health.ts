import "server-only";
import type { DatabaseProvider } from "../../prisma/database-target";
import { database } from "./db";

export type DatabaseHealth =
  | { ok: true; database: DatabaseProvider }
  | { ok: false; database: DatabaseProvider; error: "database unavailable" };

/**
 * A real round trip: counting users fails unless the database is reachable
 * and its migrations have been applied.
 */
export async function databaseHealth(): Promise<DatabaseHealth> {
  const { provider, db } = database();
  try {
    await db.user.count();
    return { ok: true, database: provider };
  } catch (error) {
    // The details (host names, file paths) are for the operator's log, not for callers.
    console.error("health: database check failed:", error);
    return { ok: false, database: provider, error: "database unavailable" };
  }
}
