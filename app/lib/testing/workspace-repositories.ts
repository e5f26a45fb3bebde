import type { DatabaseProvider } from "../../../prisma/database-target";
import type { Connection } from "../db";
import { databaseWorkspaces } from "../workspaces/database-repository";
import { prismaWorkspaces, type WorkspaceRepository } from "../workspaces/repository";
import { sqliteWorkspaces } from "../workspaces/sqlite-repository";

/** Every repository the app can run on, for the tests that hold for all of them. */
export const REPOSITORIES: readonly (readonly [string, DatabaseProvider, (c: Connection) => WorkspaceRepository])[] = [
  ["the app's repository on SQLite (its own statements)", "sqlite", databaseWorkspaces],
  ["the app's repository on PostgreSQL (Prisma's raw SQL)", "postgresql", databaseWorkspaces],
  ["prismaWorkspaces on SQLite", "sqlite", (c) => prismaWorkspaces(c.db, c.provider)],
  // what the app falls back to should a Prisma upgrade hide the connection
  ["sqliteWorkspaces without its connection", "sqlite", (c) => sqliteWorkspaces(c.db, () => undefined)],
];
