/**
 * What the grader reads of a workspace: its clusters' objects, the hosts' files, and a
 * copy to run commands on, so that grading never changes what the learner built.
 */
import type { KubeObject } from "../api/object";
import { resolveResource, type ResourceType } from "../api/resources";
import type { Store } from "../api/store";
import type { Workspace } from "../workspace";
import type { ObjectRef } from "./check";

export interface CommandRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export interface GradeTarget {
  /** a cluster's objects; undefined names the workspace's first cluster */
  store(cluster?: string): Store | undefined;
  now(): number;
  readFile(host: string, path: string): string | undefined;
  /** runs a command line as the learner would, on a fresh copy of the workspace */
  run(command: string): Promise<CommandRun>;
}

export function targetOf(ws: Workspace): GradeTarget {
  return {
    store: (cluster) => ws.cluster(cluster ?? ws.clusterNames()[0] ?? "")?.api.store,
    now: () => ws.now(),
    readFile: (host, path) => ws.readFile(host, path),
    run: async (command) => {
      // a copy per command: what one check's command does is not what the next one sees
      const copy = ws.fork();
      let stdout = "";
      let stderr = "";
      const status = await copy.run(command, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, { tty: false });
      return { stdout, stderr, status };
    },
  };
}

export type Lookup = { readonly ok: true; readonly type: ResourceType; readonly object: KubeObject | undefined; readonly where: string } | { readonly ok: false; readonly detail: string };

/** The object a check names, or undefined when it does not exist; `where` words it for details. */
export function lookup(target: GradeTarget, ref: ObjectRef, cluster?: string): Lookup {
  const type = resolveResource(ref.kind);
  if (!type) return { ok: false, detail: `unknown kind "${ref.kind}"` };
  const store = target.store(cluster);
  if (!store) return { ok: false, detail: `no cluster "${cluster ?? ""}"` };
  const namespace = type.namespaced ? (ref.namespace ?? "default") : undefined;
  const where = `${type.singular} "${ref.name}"${namespace ? ` in namespace "${namespace}"` : ""}`;
  return { ok: true, type, object: store.get(type.plural, namespace, ref.name), where };
}
