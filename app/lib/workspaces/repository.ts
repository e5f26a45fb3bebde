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
  /** wall-clock ms of the last whole save (not moved by saveShellAndFiles): the cluster's time ran on since then */
  readonly savedAt: number;
}

export interface WorkspaceRepository {
  load(userId: string, key: string): Promise<SavedWorkspace | undefined>;
  insert(userId: string, key: string, snapshot: unknown): Promise<SavedWorkspace>;
  /**
   * Replaces the snapshot with `json`, its JSON text, shell and file systems included. The
   * new version, or "conflict" when another instance saved first.
   */
  save(userId: string, id: string, version: number, json: string): Promise<number | "conflict">;
  /**
   * Replaces the saved snapshot's shell with `shell` and the file systems of the hosts in
   * `files` (host name to JSON text), and nothing else: savedAt stays, as the rest of the
   * snapshot is still the one taken then. The new version, or "conflict". A repository
   * without it gets whole snapshots to save.
   */
  saveShellAndFiles?(userId: string, id: string, version: number, shell: string, files: Readonly<Record<string, string>>): Promise<number | "conflict">;
  /**
   * The saved version (undefined: there is none), to notice another instance's save
   * before serving from memory. Without it a stale copy shows until its next save conflicts.
   */
  version?(userId: string, id: string): Promise<number | undefined>;
  remove(userId: string, key: string): Promise<void>;
}

type Row = {
  id: string;
  shell: unknown;
  version: number;
  updatedAt: Date;
  saved: { snapshot: unknown } | null;
  hosts: readonly { host: string; files: unknown }[];
};

// What was saved after the snapshot (the shell, hosts' file systems) is in a column and
// rows of its own, and takes the place of the snapshot's; a whole save empties them.
function saved(r: Row): SavedWorkspace {
  if (!r.saved) throw new Error(`workspace ${r.id} has no snapshot`);
  let snapshot = r.saved.snapshot as Record<string, unknown>;
  if (r.shell !== null) snapshot = { ...snapshot, shell: r.shell };
  if (r.hosts.length > 0) snapshot = { ...snapshot, hosts: { ...(snapshot.hosts as object), ...Object.fromEntries(r.hosts.map((h) => [h.host, h.files])) } };
  return { id: r.id, snapshot, version: r.version, savedAt: r.updatedAt.getTime() };
}

const INCLUDE = { saved: true, hosts: true } as const;

/** A value with toJSON() (one of the JSON inputs Prisma's types name) is taken as that method returns it. */
const asJson = (snapshot: unknown): { toJSON(): unknown } => ({ toJSON: () => snapshot });

/** What a save over `version` that changed `rows` rows answers: the new version, or "conflict" when none matched. */
export function savedOver(rows: number, version: number): number | "conflict" {
  return rows === 1 ? version + 1 : "conflict";
}

/**
 * The workspaces in `db`. What every command does (read the version, save the snapshot or
 * its shell and files) is SQL of each database's own: Prisma walks a JSON value key by key before
 * writing it (about 5 ms for a cluster's 190 KB), and its query builder costs more than
 * the query; here the text the service serialised goes in as it is.
 */
export function prismaWorkspaces(db: Db, provider: DatabaseProvider): WorkspaceRepository {
  return {
    async load(userId, key) {
      const row = await db.workspace.findUnique({ where: { userId_key: { userId, key } }, include: INCLUDE });
      return row ? saved(row) : undefined;
    },
    async insert(userId, key, snapshot) {
      return saved(await db.workspace.create({ data: { userId, key, saved: { create: { snapshot: asJson(snapshot) } } }, include: INCLUDE }));
    },
    async save(userId, id, version, json) {
      return db.$transaction(async (tx) => {
        const now = new Date();
        const bumped = await tx.$executeRaw`UPDATE "Workspace" SET "shell" = NULL, "version" = "version" + 1, "updatedAt" = ${now} WHERE "id" = ${id} AND "userId" = ${userId} AND "version" = ${version}`;
        if (bumped !== 1) return "conflict" as const;
        if (provider === "postgresql") await tx.$executeRaw`UPDATE "WorkspaceSnapshot" SET "snapshot" = ${json}::jsonb WHERE "workspaceId" = ${id}`;
        else await tx.$executeRaw`UPDATE "WorkspaceSnapshot" SET "snapshot" = ${json} WHERE "workspaceId" = ${id}`;
        await tx.$executeRaw`DELETE FROM "WorkspaceHost" WHERE "workspaceId" = ${id}`;
        return version + 1;
      });
    },
    async saveShellAndFiles(userId, id, version, shell, files) {
      // the version first: a refused bump writes no file system
      const write = async (q: Pick<Db, "$executeRaw">): Promise<number> => {
        const bumped =
          provider === "postgresql"
            ? await q.$executeRaw`UPDATE "Workspace" SET "shell" = ${shell}::jsonb, "version" = "version" + 1 WHERE "id" = ${id} AND "userId" = ${userId} AND "version" = ${version}`
            : await q.$executeRaw`UPDATE "Workspace" SET "shell" = ${shell}, "version" = "version" + 1 WHERE "id" = ${id} AND "userId" = ${userId} AND "version" = ${version}`;
        if (bumped === 1)
          for (const [host, json] of Object.entries(files)) {
            if (provider === "postgresql")
              await q.$executeRaw`INSERT INTO "WorkspaceHost" ("workspaceId", "host", "files") VALUES (${id}, ${host}, ${json}::jsonb) ON CONFLICT ("workspaceId", "host") DO UPDATE SET "files" = excluded."files"`;
            else await q.$executeRaw`INSERT INTO "WorkspaceHost" ("workspaceId", "host", "files") VALUES (${id}, ${host}, ${json}) ON CONFLICT ("workspaceId", "host") DO UPDATE SET "files" = excluded."files"`;
          }
        return bumped;
      };
      // the shell alone is one statement; with files, all of it or none
      return savedOver(Object.keys(files).length === 0 ? await write(db) : await db.$transaction((tx) => write(tx)), version);
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
