/**
 * Learners' workspaces on the server: kept hot in an LRU, loaded from and saved to the
 * database around every use, one use at a time per workspace. A workspace's virtual
 * clock follows the wall clock: the time since its last use passes in the cluster
 * (up to a cap, so a learner back after a week does not wait for a week to be simulated).
 *
 * A use saves only what it changed. Time passing is not a change: the clock keeps its
 * distance to the wall clock, which the saved snapshot and its save time restore. A
 * command that changed only the shell (a `kubectl get` adds to the history) and the files
 * of hosts (`vi pod.yaml`) saves those alone; anything else saves the whole snapshot.
 */
import { Workspace, type WorkspaceSnapshot } from "../../../engine/index";
import type { WorkspaceRepository } from "./repository";
import { changedFiles, sameState, savedParts, type SavedParts } from "./saved-parts";

export interface WorkspaceServiceOptions {
  readonly repo: WorkspaceRepository;
  /** wall-clock ms */
  readonly now: () => number;
  /** workspaces kept in memory */
  readonly capacity: number;
  /** the most virtual time one catch-up lets pass */
  readonly maxCatchUpMs: number;
}

/** Another app instance saved this workspace first; the command did not take effect. */
export class WorkspaceConflict extends Error {
  constructor() {
    super("this workspace changed in another window; run the command again");
  }
}

interface Hot {
  readonly id: string;
  readonly ws: Workspace;
  version: number;
  /** virtual minus wall-clock ms: the cluster's clock runs with the wall clock, this far from it */
  offset: number;
  /** what the database holds, to save only what changed */
  saved: SavedParts & { readonly offset: number };
}

export class WorkspaceService {
  private readonly hot = new Map<string, Hot>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: WorkspaceServiceOptions) {}

  /**
   * Runs `fn` on the user's workspace for `key` (created by `create` the first time), after
   * letting the time since its last use pass, and saves what changed.
   */
  use<T>(userId: string, key: string, create: () => Promise<Workspace>, fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.serially(userId, key, async () => {
      const entry = await this.open(userId, key, create);
      this.catchUp(entry);
      try {
        return await fn(entry.ws);
      } finally {
        // A clock the use moved ahead (fast-forward) runs on from there. One that fell behind
        // while the use ran (by its own duration) catches up at the next use, as after a load.
        entry.offset = Math.max(entry.offset, entry.ws.now() - this.opts.now());
        await this.persist(userId, key, entry);
      }
    });
  }

  /** Lets `ms` of virtual time pass at once (the fast-forward control). */
  fastForward(userId: string, key: string, create: () => Promise<Workspace>, ms: number): Promise<number> {
    return this.use(userId, key, create, async (ws) => {
      ws.advance(ms);
      return ws.now();
    });
  }

  /** Forgets the workspace: the next use creates it afresh ("reset cluster"). */
  reset(userId: string, key: string): Promise<void> {
    return this.serially(userId, key, async () => {
      this.hot.delete(hotKey(userId, key));
      await this.opts.repo.remove(userId, key);
    });
  }

  private async open(userId: string, key: string, create: () => Promise<Workspace>): Promise<Hot> {
    const k = hotKey(userId, key);
    const cached = this.hot.get(k);
    this.hot.delete(k);
    if (cached && (await this.current(userId, cached))) {
      this.hot.set(k, cached);
      return cached;
    }
    const stored = await this.opts.repo.load(userId, key);
    let entry: Hot;
    if (stored) {
      const ws = Workspace.restore(stored.snapshot as WorkspaceSnapshot);
      // compared as the engine writes it (PostgreSQL hands JSON back with its keys reordered)
      entry = hot(stored.id, ws, stored.version, ws.snapshot({ view: true }), ws.now() - stored.savedAt);
    } else {
      const ws = await create();
      const snapshot = ws.snapshot();
      const row = await this.opts.repo.insert(userId, key, snapshot);
      entry = hot(row.id, ws, row.version, snapshot, ws.now() - row.savedAt);
    }
    this.hot.set(k, entry);
    while (this.hot.size > this.opts.capacity) this.hot.delete(this.hot.keys().next().value as string);
    return entry;
  }

  /** Whether no other instance saved the workspace since this one last did. */
  private async current(userId: string, entry: Hot): Promise<boolean> {
    return !this.opts.repo.version || (await this.opts.repo.version(userId, entry.id)) === entry.version;
  }

  /** Lets the cluster's clock catch up with the wall clock (at most maxCatchUpMs at once). */
  private catchUp(entry: Hot): void {
    const wall = this.opts.now();
    const behind = wall + entry.offset - entry.ws.now();
    if (behind > 0) entry.ws.advance(Math.min(behind, this.opts.maxCatchUpMs));
    // held back by the cap: the clock runs on from where it is
    entry.offset = entry.ws.now() - wall;
  }

  private async persist(userId: string, key: string, entry: Hot): Promise<void> {
    // serialised at once, so a view of the live state does (no copy of every container)
    const snapshot = entry.ws.snapshot({ view: true });
    const parts = savedParts(snapshot);
    const files = changedFiles(parts, entry.saved);
    const whole = !files || !sameState(parts, entry.saved) || entry.offset !== entry.saved.offset;
    if (!whole && parts.shell === entry.saved.shell && Object.keys(files).length === 0) return;
    const { repo } = this.opts;
    const version =
      !whole && repo.saveShellAndFiles
        ? await repo.saveShellAndFiles(userId, entry.id, entry.version, parts.shell, files)
        : await repo.save(userId, entry.id, entry.version, JSON.stringify(snapshot));
    if (version === "conflict") {
      this.hot.delete(hotKey(userId, key));
      throw new WorkspaceConflict();
    }
    entry.version = version;
    entry.saved = { ...parts, offset: entry.offset };
  }

  private serially<T>(userId: string, key: string, run: () => Promise<T>): Promise<T> {
    const k = hotKey(userId, key);
    const previous = this.queues.get(k) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(run);
    const settled = next.catch(() => undefined);
    this.queues.set(k, settled);
    void settled.then(() => {
      if (this.queues.get(k) === settled) this.queues.delete(k);
    });
    return next;
  }
}

function hot(id: string, ws: Workspace, version: number, snapshot: WorkspaceSnapshot, offset: number): Hot {
  return { id, ws, version, offset, saved: { ...savedParts(snapshot), offset } };
}

function hotKey(userId: string, key: string): string {
  return `${userId}\u0000${key}`;
}
