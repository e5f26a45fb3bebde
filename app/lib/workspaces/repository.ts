/**
 * Saved workspaces in the database. Every read and write names the owner, so a
 * workspace id from another user's request matches nothing. `version` is the optimistic
 * lock: a save succeeds only over the version it read.
 */
import type { DatabaseProvider } from "../../../prisma/database-target";
import type { Db } from "../db";

export interface SavedWorkspace {
  readonly id: string;
  readonly snapshot: unknown;
  readonly version: number;
  /** wall-clock ms of the last whole save (not moved by saveShell): the cluster's time ran on since then */
  readonly savedAt: number;
}

export interface WorkspaceRepository {
  load(userId: string, key: string): Promise<SavedWorkspace | undefined>;
  insert(userId: string, key: string, snapshot: unknown): Promise<SavedWorkspace>;
  /** Replaces the snapshot with `json`, its JSON text. The new version, or "conflict" when another instance saved first. */
  save(userId: string, id: string, version: number, json: string): Promise<number | "conflict">;
  /**
   * Replaces the saved snapshot's shell with `json`, its JSON text, and nothing else:
   * savedAt stays, as the rest of the snapshot is still the one taken then. The new
   * version, or "conflict". A repository without it gets whole snapshots to save.
   */
  saveShell?(userId: string, id: string, version: number, json: string): Promise<number | "conflict">;
  /**
   * The saved version (undefined: there is none), to notice another instance's save
   * before serving from memory. Without it a stale copy shows until its next save conflicts.
   */
  version?(userId: string, id: string): Promise<number | undefined>;
  remove(userId: string, key: string): Promise<void>;
}

type Row = { id: string; shell: unknown; version: number; updatedAt: Date; saved: { snapshot: unknown } | null };

// A shell saved after the snapshot is in a column of its own; a whole save empties it.
function saved(r: Row): SavedWorkspace {
  if (!r.saved) throw new Error(`workspace ${r.id} has no snapshot`);
  const snapshot = r.shell === null ? r.saved.snapshot : { ...(r.saved.snapshot as object), shell: r.shell };
  return { id: r.id, snapshot, version: r.version, savedAt: r.updatedAt.getTime() };
}

/** A value with toJSON() (one of the JSON inputs Prisma's types name) is taken as that method returns it. */
const asJson = (snapshot: unknown): { toJSON(): unknown } => ({ toJSON: () => snapshot });

/** What a save over `version` that changed `rows` rows answers: the new version, or "conflict" when none matched. */
export function savedOver(rows: number, version: number): number | "conflict" {
  return rows === 1 ? version + 1 : "conflict";
}

/**
 * The workspaces in `db`. What every command does (read the version, save the snapshot or
 * its shell) is SQL of each database's own: Prisma walks a JSON value key by key before
 * writing it (about 5 ms for a cluster's 190 KB), and its query builder costs more than
 * the query; here the text the service serialised goes in as it is.
 */
export function prismaWorkspaces(db: Db, provider: DatabaseProvider): WorkspaceRepository {
  return {
    async load(userId, key) {
      const row = await db.workspace.findUnique({ where: { userId_key: { userId, key } }, include: { saved: true } });
      return row ? saved(row) : undefined;
    },
    async insert(userId, key, snapshot) {
      return saved(await db.workspace.create({ data: { userId, key, saved: { create: { snapshot: asJson(snapshot) } } }, include: { saved: true } }));
    },
    async save(userId, id, version, json) {
      return db.$transaction(async (tx) => {
        const now = new Date();
        const bumped = await tx.$executeRaw`UPDATE "Workspace" SET "shell" = NULL, "version" = "version" + 1, "updatedAt" = ${now} WHERE "id" = ${id} AND "userId" = ${userId} AND "version" = ${version}`;
        if (bumped !== 1) return "conflict" as const;
        if (provider === "postgresql") await tx.$executeRaw`UPDATE "WorkspaceSnapshot" SET "snapshot" = ${json}::jsonb WHERE "workspaceId" = ${id}`;
        else await tx.$executeRaw`UPDATE "WorkspaceSnapshot" SET "snapshot" = ${json} WHERE "workspaceId" = ${id}`;
        return version + 1;
      });
    },
    async saveShell(userId, id, version, json) {
      return savedOver(
        provider === "postgresql"
          ? await db.$executeRaw`UPDATE "Workspace" SET "shell" = ${json}::jsonb, "version" = "version" + 1 WHERE "id" = ${id} AND "userId" = ${userId} AND "version" = ${version}`
          : await db.$executeRaw`UPDATE "Workspace" SET "shell" = ${json}, "version" = "version" + 1 WHERE "id" = ${id} AND "userId" = ${userId} AND "version" = ${version}`,
        version,
      );
    },
    async version(userId, id) {
      const rows = await db.$queryRaw<{ version: number }[]>`SELECT "version" FROM "Workspace" WHERE "id" = ${id} AND "userId" = ${userId}`;
      return rows[0] === undefined ? undefined : Number(rows[0].version);
    },
    async remove(userId, key) {
      await db.workspace.deleteMany({ where: { userId, key } });
    },
  };
}
