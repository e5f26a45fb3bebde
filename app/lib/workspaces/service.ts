import "server-only";
import { randomInt } from "node:crypto";
import { Workspace, type TimeMode } from "../../../engine/index";
import { database } from "../db";
import { databaseWorkspaces } from "./database-repository";
import { WorkspaceService } from "./workspace-service";

// The app's one WorkspaceService, shared by every route of this process (kept on
// globalThis so `next dev` reloads reuse it). Other instances share only the database.

const HOUR = 3_600_000;
const cache = globalThis as typeof globalThis & { kubelabWorkspaces?: WorkspaceService };

export function workspaces(): WorkspaceService {
  cache.kubelabWorkspaces ??= new WorkspaceService({
    repo: databaseWorkspaces(database()),
    now: () => Date.now(),
    capacity: Number(process.env.KUBELAB_HOT_WORKSPACES ?? 500),
    maxCatchUpMs: HOUR,
  });
  return cache.kubelabWorkspaces;
}

/** A fresh cluster starting now, as a learner meets it. */
export async function freshWorkspace(): Promise<Workspace> {
  return Workspace.create({ startTime: Math.floor(Date.now() / 1000) * 1000, seed: randomInt(1, 2 ** 31) });
}

/** In the browser, `sleep 5` and `kubectl get pods -w` take real time. */
export const LIVE: TimeMode = {
  kind: "live",
  wait: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    }),
};

export function lessonKey(chapter: string, slug: string): string {
  return `lesson:${chapter}/${slug}`;
}
