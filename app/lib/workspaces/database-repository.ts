/**
 * The workspace repository for the app's database: on SQLite, statements on the
 * connection Prisma opened (sqlite-repository.ts); on PostgreSQL, Prisma's raw SQL.
 */
import type { Connection } from "../db";
import { prismaWorkspaces, type WorkspaceRepository } from "./repository";
import { sqliteWorkspaces } from "./sqlite-repository";

export function databaseWorkspaces({ provider, db, opened }: Connection): WorkspaceRepository {
  return provider === "sqlite" && opened ? sqliteWorkspaces(db, opened) : prismaWorkspaces(db, provider);
}
