/**
 * Learners' workspaces on the server: kept hot in an LRU, loaded from and saved to the
 * database around every use, one use at a time per workspace. A workspace's virtual
 * clock follows the wall clock: the time since its last use passes in the cluster
 * (up to a cap, so a learner back after a week does not wait for a week to be simulated).
 */
import { Workspace, type WorkspaceSnapshot } from "../../../engine/index";
import type { WorkspaceRepository } from "./repository";

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
  /** the snapshot as last saved, to skip saving what did not change */
  saved: string;
  /** wall-clock ms up to which the cluster has caught up */
  syncedAt: number;
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
        entry.syncedAt = this.opts.now();
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
    if (cached) {
      this.hot.delete(k);
      this.hot.set(k, cached);
      return cached;
    }
    const stored = await this.opts.repo.load(userId, key);
    let entry: Hot;
    if (stored) {
      const ws = Workspace.restore(stored.snapshot as WorkspaceSnapshot);
      entry = { id: stored.id, ws, version: stored.version, saved: JSON.stringify(stored.snapshot), syncedAt: stored.savedAt };
    } else {
      const ws = await create();
      const snapshot = ws.snapshot();
      const row = await this.opts.repo.insert(userId, key, snapshot);
      entry = { id: row.id, ws, version: row.version, saved: JSON.stringify(snapshot), syncedAt: this.opts.now() };
    }
    this.hot.set(k, entry);
    while (this.hot.size > this.opts.capacity) this.hot.delete(this.hot.keys().next().value as string);
    return entry;
  }

  private catchUp(entry: Hot): void {
    const elapsed = this.opts.now() - entry.syncedAt;
    if (elapsed > 0) entry.ws.advance(Math.min(elapsed, this.opts.maxCatchUpMs));
    entry.syncedAt = this.opts.now();
  }

  private async persist(userId: string, key: string, entry: Hot): Promise<void> {
    const snapshot = entry.ws.snapshot();
    const text = JSON.stringify(snapshot);
    if (text === entry.saved) return;
    const version = await this.opts.repo.save(userId, entry.id, entry.version, snapshot);
    if (version === "conflict") {
      this.hot.delete(hotKey(userId, key));
      throw new WorkspaceConflict();
    }
    entry.version = version;
    entry.saved = text;
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

function hotKey(userId: string, key: string): string {
  return `${userId}\u0000${key}`;
}
