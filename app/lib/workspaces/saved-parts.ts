/**
 * A workspace snapshot as its saving sees it: the shell (history, `$?`, working
 * directories), small and changed by nearly every command; each host's file system,
 * changed by a learner writing a file; and the rest (the clusters), large and changed by
 * fewer. The clocks' readings are in none:
 * time passing alone is no reason to save, as a loaded workspace catches up with the wall
 * clock anyway; the service saves when the cluster clock leaves the wall clock's pace.
 *
 * The rest is kept as JSON in pieces (one per API object, container, volume and host)
 * rather than one text: every command serialises it to compare, and a text past V8's
 * regular object size (128 KB) is born in the old generation, where only a full
 * collection frees it; under load the heap grew by hundreds of megabytes between full
 * collections, and their marking slowed every request meanwhile.
 */
import { withoutClockReadings, type WorkspaceSnapshot } from "../../../engine/index";

export interface SavedParts {
  /** everything but the shell, the hosts' file systems and the clocks' readings, as JSON pieces */
  readonly state: readonly string[];
  /** each host's file system, as JSON */
  readonly files: Readonly<Record<string, string>>;
  /** the shell, as JSON */
  readonly shell: string;
}

/**
 * The JSON of each API object, container and file system seen. The store never changes a
 * stored object in place (a write stores a new one), the runtime gives the same view of a
 * container until it touches it (SimulatedRuntime.toState), and a file system's view stays
 * the same value until it changes (Vfs.toState), so each text is written once and an
 * unchanged one costs a lookup.
 */
const objectJson = new WeakMap<object, string>();

function jsonOf(o: object): string {
  let text = objectJson.get(o);
  if (text === undefined) objectJson.set(o, (text = JSON.stringify(o)));
  return text;
}

export function savedParts(snapshot: WorkspaceSnapshot): SavedParts {
  const { shell, clusters, hosts, ...rest } = withoutClockReadings(snapshot);
  const state = [JSON.stringify(rest)];
  for (const { store, runtime, ...cluster } of clusters) {
    const { containers, volumes, ...machine } = runtime;
    state.push(JSON.stringify(cluster), JSON.stringify(store.resourceVersion), JSON.stringify(machine));
    for (const [resource, objects] of Object.entries(store.objects)) state.push(resource, String(objects.length), ...objects.map(jsonOf));
    for (const [id, container] of Object.entries(containers)) state.push(id, jsonOf(container as object));
    for (const [name, fs] of Object.entries(volumes)) state.push(name, jsonOf(fs));
  }
  const files: Record<string, string> = {};
  for (const [name, fs] of Object.entries(hosts)) files[name] = jsonOf(fs);
  return { state, files, shell: JSON.stringify(shell) };
}

/** Whether two workspaces' states (shells and files aside) are the same. */
export function sameState(a: SavedParts, b: SavedParts): boolean {
  return a.state.length === b.state.length && a.state.every((piece, i) => piece === b.state[i]);
}

/**
 * The file systems of `now` that differ from `before`'s (host name to JSON), or undefined
 * when the hosts themselves differ: a host added or gone is a change of the whole.
 */
export function changedFiles(now: SavedParts, before: SavedParts): Record<string, string> | undefined {
  const hosts = Object.keys(now.files);
  if (hosts.length !== Object.keys(before.files).length || !hosts.every((h) => Object.hasOwn(before.files, h))) return undefined;
  const changed: Record<string, string> = {};
  for (const h of hosts) if (now.files[h] !== before.files[h]) changed[h] = now.files[h]!;
  return changed;
}
