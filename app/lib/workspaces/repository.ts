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
  /** wall-clock ms of the last whole save (not moved by savePart): the cluster's time ran on since then */
  readonly savedAt: number;
}

export interface WorkspaceRepository {
  load(userId: string, key: string): Promise<SavedWorkspace | undefined>;
  insert(userId: string, key: string, snapshot: unknown): Promise<SavedWorkspace>;
  /** The new version, or "conflict" when another instance saved first. */
  save(userId: string, id: string, version: number, snapshot: unknown): Promise<number | "conflict">;
  /**
   * Replaces one top-level field of the saved snapshot and nothing else: savedAt stays,
   * as the rest of the snapshot is still the one taken then. The new version, or "conflict".
   * A repository without it gets whole snapshots to save.
   */
  savePart?(userId: string, id: string, version: number, field: string, value: unknown): Promise<number | "conflict">;
  /**
   * The saved version (undefined: there is none), to notice another instance's save
   * before serving from memory. Without it a stale copy shows until its next save conflicts.
   */
  version?(userId: string, id: string): Promise<number | undefined>;
  remove(userId: string, key: string): Promise<void>;
}

type Row = { id: string; snapshot: unknown; version: number; updatedAt: Date };

const saved = (r: Row): SavedWorkspace => ({ id: r.id, snapshot: r.snapshot, version: r.version, savedAt: r.updatedAt.getTime() });

/**
 * Prisma walks a JSON value key by key before writing it (about 8 ms for a cluster's
 * 140 KB), looking for Dates and Decimals a snapshot never holds; a value with toJSON()
 * (one of the JSON inputs its types name) is taken as that method returns it.
 */
const asJson = (snapshot: unknown): { toJSON(): unknown } => ({ toJSON: () => snapshot });

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The workspaces in `db`. Saving one field of a snapshot is SQL of each database's own (Prisma
 * cannot express it), so it comes with the `provider` only.
 */
export function prismaWorkspaces(db: Db, provider?: DatabaseProvider): WorkspaceRepository {
  return {
    async load(userId, key) {
      const row = await db.workspace.findUnique({ where: { userId_key: { userId, key } } });
      return row ? saved(row) : undefined;
    },
    async insert(userId, key, snapshot) {
      return saved(await db.workspace.create({ data: { userId, key, snapshot: asJson(snapshot) } }));
    },
    async save(userId, id, version, snapshot) {
      const r = await db.workspace.updateMany({ where: { id, userId, version }, data: { snapshot: asJson(snapshot), version: version + 1 } });
      return r.count === 1 ? version + 1 : "conflict";
    },
    ...(provider && {
      async savePart(userId: string, id: string, version: number, field: string, value: unknown) {
        if (!FIELD.test(field)) throw new Error(`snapshot field ${JSON.stringify(field)}: not a plain name`);
        const json = JSON.stringify(value);
        const count =
          provider === "postgresql"
            ? await db.$executeRaw`UPDATE "Workspace" SET "snapshot" = jsonb_set("snapshot", ARRAY[${field}::text], ${json}::jsonb), "version" = "version" + 1 WHERE "id" = ${id} AND "userId" = ${userId} AND "version" = ${version}`
            : await db.$executeRaw`UPDATE "Workspace" SET "snapshot" = json_set("snapshot", ${`$.${field}`}, json(${json})), "version" = "version" + 1 WHERE "id" = ${id} AND "userId" = ${userId} AND "version" = ${version}`;
        return count === 1 ? version + 1 : ("conflict" as const);
      },
    }),
    async version(userId, id) {
      const row = await db.workspace.findFirst({ where: { id, userId }, select: { version: true } });
      return row?.version;
    },
    async remove(userId, key) {
      await db.workspace.deleteMany({ where: { userId, key } });
    },
  };
}
