/**
 * A workspace snapshot as its saving sees it: the shell (history, `$?`, working
 * directories), small and changed by nearly every command, and the rest (clusters and
 * host file systems), large and changed by few. The clocks' readings are in neither:
 * time passing alone is no reason to save, as a loaded workspace catches up with the wall
 * clock anyway; the service saves when the cluster clock leaves the wall clock's pace.
 */
import type { WorkspaceSnapshot } from "../../../engine/index";

export interface SavedParts {
  /** everything but the shell and the clocks' readings, as JSON */
  readonly state: string;
  /** the shell, as JSON */
  readonly shell: string;
}

export function savedParts(snapshot: WorkspaceSnapshot): SavedParts {
  const { shell, ...rest } = snapshot;
  const clusters = rest.clusters.map((c) => ({ ...c, clock: { ...c.clock, now: 0 } }));
  return { state: JSON.stringify({ ...rest, clusters }), shell: JSON.stringify(shell) };
}
