/**
 * The workspaces in SQLite. What every command does (read the version, save the snapshot
 * or its shell and files) goes to the connection Prisma opened, in statements prepared once: through
 * Prisma each costs over a millisecond of its query layers, more than the command itself.
 * The rest (load, insert, remove) is prismaWorkspaces'. Where the connection is not to be
 * had (see sqlite-connection.ts), all of it is prismaWorkspaces'.
 */
import type Database from "better-sqlite3";
import type { Db } from "../db";
import { outsideTransactions } from "../sqlite-connection";
import { prismaWorkspaces, savedOver, type WorkspaceRepository } from "./repository";

interface Statements {
  version(userId: string, id: string): number | undefined;
  saveShellAndFiles(userId: string, id: string, version: number, shell: string, files: Readonly<Record<string, string>>): number | "conflict";
  save(userId: string, id: string, version: number, json: string, now: Date): number | "conflict";
}

export function sqliteWorkspaces(db: Db, opened: () => Database.Database | undefined): WorkspaceRepository {
  const viaPrisma = prismaWorkspaces(db, "sqlite");
  const prepared = new WeakMap<Database.Database, Statements>();
  // Each call finds the connection anew: Prisma opens it on first use, and again after a disconnect.
  const direct = async <T>(run: (statements: Statements) => T): Promise<T | undefined> => {
    if (!opened()) await db.$connect();
    const connection = opened();
    if (!connection) return undefined;
    const statements = prepared.get(connection) ?? prepare(connection);
    prepared.set(connection, statements);
    return outsideTransactions(connection, () => run(statements));
  };
  return {
    ...viaPrisma,
    async version(userId, id) {
      const answer = await direct((s) => ({ version: s.version(userId, id) }));
      return answer ? answer.version : viaPrisma.version!(userId, id);
    },
    async saveShellAndFiles(userId, id, version, shell, files) {
      return (await direct((s) => s.saveShellAndFiles(userId, id, version, shell, files))) ?? viaPrisma.saveShellAndFiles!(userId, id, version, shell, files);
    },
    async save(userId, id, version, json) {
      return (await direct((s) => s.save(userId, id, version, json, new Date()))) ?? viaPrisma.save(userId, id, version, json);
    },
  };
}

function prepare(connection: Database.Database): Statements {
  const version = connection.prepare<[string, string], number>(`SELECT "version" FROM "Workspace" WHERE "id" = ? AND "userId" = ?`).pluck().safeIntegers(false);
  const shell = connection.prepare(`UPDATE "Workspace" SET "shell" = ?, "version" = "version" + 1 WHERE "id" = ? AND "userId" = ? AND "version" = ?`);
  const bump = connection.prepare(`UPDATE "Workspace" SET "shell" = NULL, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "userId" = ? AND "version" = ?`);
  const snapshot = connection.prepare(`UPDATE "WorkspaceSnapshot" SET "snapshot" = ? WHERE "workspaceId" = ?`);
  const host = connection.prepare(
    `INSERT INTO "WorkspaceHost" ("workspaceId", "host", "files") VALUES (?, ?, ?) ON CONFLICT ("workspaceId", "host") DO UPDATE SET "files" = excluded."files"`,
  );
  const hostsGone = connection.prepare(`DELETE FROM "WorkspaceHost" WHERE "workspaceId" = ?`);
  // the version first: a refused bump writes nothing
  const save = connection.transaction((userId: string, id: string, v: number, json: string, at: string): number => {
    const bumped = bump.run(at, id, userId, v).changes;
    if (bumped === 1) {
      snapshot.run(json, id);
      hostsGone.run(id);
    }
    return bumped;
  });
  const saveShellAndFiles = (userId: string, id: string, v: number, json: string, files: Readonly<Record<string, string>>): number => {
    const bumped = shell.run(json, id, userId, v).changes;
    if (bumped === 1) for (const [name, text] of Object.entries(files)) host.run(id, name, text);
    return bumped;
  };
  // the shell alone is one statement; with files, all of it or none
  const saveWithFiles = connection.transaction(saveShellAndFiles);
  return {
    version: (userId, id) => version.get(id, userId),
    saveShellAndFiles: (userId, id, v, json, files) => savedOver((Object.keys(files).length === 0 ? saveShellAndFiles : saveWithFiles)(userId, id, v, json, files), v),
    save: (userId, id, v, json, now) => savedOver(save(userId, id, v, json, prismaTimestamp(now)), v),
  };
}

/** A DateTime as Prisma's SQLite adapter writes it (its default "iso8601" format), so that Prisma reads it back. */
function prismaTimestamp(at: Date): string {
  return at.toISOString().replace("Z", "+00:00");
}
