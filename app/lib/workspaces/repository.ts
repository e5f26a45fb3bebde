/**
 * Saved workspaces in the database. Every read and write names the owner, so a
 * workspace id from another user's request matches nothing. `version` is the optimistic
 * lock: a save succeeds only over the version it read.
 */
import type { Db } from "../db";

export interface SavedWorkspace {
  readonly id: string;
  readonly snapshot: unknown;
  readonly version: number;
  /** wall-clock ms of the last save: the cluster's time ran on since then */
  readonly savedAt: number;
}

export interface WorkspaceRepository {
  load(userId: string, key: string): Promise<SavedWorkspace | undefined>;
  insert(userId: string, key: string, snapshot: unknown): Promise<SavedWorkspace>;
  /** The new version, or "conflict" when another instance saved first. */
  save(userId: string, id: string, version: number, snapshot: unknown): Promise<number | "conflict">;
  remove(userId: string, key: string): Promise<void>;
}

type Row = { id: string; snapshot: unknown; version: number; updatedAt: Date };

const saved = (r: Row): SavedWorkspace => ({ id: r.id, snapshot: r.snapshot, version: r.version, savedAt: r.updatedAt.getTime() });

export function prismaWorkspaces(db: Db): WorkspaceRepository {
  return {
    async load(userId, key) {
      const row = await db.workspace.findUnique({ where: { userId_key: { userId, key } } });
      return row ? saved(row) : undefined;
    },
    async insert(userId, key, snapshot) {
      return saved(await db.workspace.create({ data: { userId, key, snapshot: snapshot as object } }));
    },
    async save(userId, id, version, snapshot) {
      const r = await db.workspace.updateMany({ where: { id, userId, version }, data: { snapshot: snapshot as object, version: version + 1 } });
      return r.count === 1 ? version + 1 : "conflict";
    },
    async remove(userId, key) {
      await db.workspace.deleteMany({ where: { userId, key } });
    },
  };
}
