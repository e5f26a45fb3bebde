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

/**
 * Where a set of checks looks by default. A lesson's checks look at the workspace's only
 * cluster and its base host; an exam task's look at the task's cluster and the host it
 * is solved on.
 */
export interface GradeScope {
  readonly cluster?: string;
  readonly host?: string;
  /** the kubeconfig context commands run in, whatever the learner switched to last */
  readonly context?: string;
}

export interface GradeTarget {
  /** a cluster's objects; undefined names the scope's cluster, or the workspace's first */
  store(cluster?: string): Store | undefined;
  /** the host files are read on and commands run on, unless a check names one */
  readonly host: string;
  now(): number;
  readFile(host: string, path: string): string | undefined;
  /** runs a command line as the learner would on `host`, on a fresh copy of the workspace */
  run(command: string): Promise<CommandRun>;
}

export function targetOf(ws: Workspace, scope: GradeScope = {}): GradeTarget {
  const host = scope.host ?? ws.base;
  return {
    store: (cluster) => ws.cluster(cluster ?? scope.cluster ?? ws.clusterNames()[0] ?? "")?.api.store,
    host,
    now: () => ws.now(),
    readFile: (host, path) => ws.readFile(host, path),
    run: async (command) => {
      // a copy per command: what one check's command does is not what the next one sees
      const copy = ws.fork();
      const quiet = { stdout: () => undefined, stderr: () => undefined };
      if (scope.context) await copy.runOn(host, `kubectl config use-context ${scope.context}`, quiet, { tty: false, history: false });
      let stdout = "";
      let stderr = "";
      const status = await copy.runOn(host, command, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, { tty: false });
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
