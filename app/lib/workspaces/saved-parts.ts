/**
 * A workspace snapshot as its saving sees it: the shell (history, `$?`, working
 * directories), small and changed by nearly every command, and the rest (clusters and
 * host file systems), large and changed by few. The clocks' readings are in neither:
 * time passing alone is no reason to save, as a loaded workspace catches up with the wall
 * clock anyway; the service saves when the cluster clock leaves the wall clock's pace.
 *
 * The rest is kept as JSON in pieces (one per kind of object, container, volume and host)
 * rather than one text: every command serialises it to compare, and a text past V8's
 * regular object size (128 KB) is born in the old generation, where only a full
 * collection frees it; at a few commands a second that meant full collections every few
 * seconds and the stalls they bring.
 */
import { withoutClockReadings, type WorkspaceSnapshot } from "../../../engine/index";

export interface SavedParts {
  /** everything but the shell and the clocks' readings, as JSON pieces */
  readonly state: readonly string[];
  /** the shell, as JSON */
  readonly shell: string;
}

export function savedParts(snapshot: WorkspaceSnapshot): SavedParts {
  const { shell, clusters, hosts, ...rest } = withoutClockReadings(snapshot);
  const state = [JSON.stringify(rest)];
  for (const { store, runtime, ...cluster } of clusters) {
    const { containers, volumes, ...machine } = runtime;
    state.push(JSON.stringify(cluster), JSON.stringify(store.resourceVersion), JSON.stringify(machine));
    for (const piece of [store.objects, containers, volumes]) for (const [name, value] of Object.entries(piece)) state.push(name, JSON.stringify(value));
  }
  for (const [name, fs] of Object.entries(hosts)) state.push(name, JSON.stringify(fs));
  return { state, shell: JSON.stringify(shell) };
}

/** Whether two workspaces' states (shells aside) are the same. */
export function sameState(a: SavedParts, b: SavedParts): boolean {
  return a.state.length === b.state.length && a.state.every((piece, i) => piece === b.state[i]);
}
