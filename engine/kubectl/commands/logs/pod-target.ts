/**
 * Finding the pod and container that `kubectl logs` and `kubectl exec` talk to, as
 * kubectl's polymorphichelpers and podcmd do: `POD`, `pod/POD` or `TYPE/NAME` of a
 * workload (its first pod by kubectl's preference), and the container named with `-c`
 * or defaulted to the first one with a `Defaulted container` note.
 */
import type { KubeObject } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import { resolveResource, resourceForKind } from "../../../api/resources";
import type { LabelSelectorSpec } from "../../../api/label-selector";
import { matchesSelector, selectorFromSpec } from "../../../api/label-selector";
import type { KubectlEnv } from "../../command";
import { formatError } from "../../errors";

type Obj = Record<string, unknown>;
export interface Container {
  readonly name: string;
  readonly [field: string]: unknown;
}

const list = (pod: KubeObject, key: string): Container[] => (((pod.spec as Obj | undefined)?.[key] as Container[] | undefined) ?? []);

/** podcmd.AllContainerNames: `a, b, debugger (ephem), setup (init)`. */
export function allContainerNames(pod: KubeObject): string {
  return [...list(pod, "containers").map((c) => c.name), ...list(pod, "ephemeralContainers").map((c) => `${c.name} (ephem)`), ...list(pod, "initContainers").map((c) => `${c.name} (init)`)].join(", ");
}

/** podcmd.FindContainerByName, with the field path of the container. */
export function findContainer(pod: KubeObject, name: string): { container: Container; fieldPath: string } | undefined {
  for (const key of ["containers", "initContainers", "ephemeralContainers"]) {
    const c = list(pod, key).find((x) => x.name === name);
    if (c) return { container: c, fieldPath: `spec.${key}{${name}}` };
  }
  return undefined;
}

/**
 * The container kubectl picks when `-c` is empty: the default-container annotation, else
 * the first. An annotation naming no container is an error for exec
 * (podcmd.FindOrDefaultContainerByName) and a warning for logs (logsforobject.go).
 */
export function defaultContainer(pod: KubeObject, warn: (s: string) => void, opts: { quiet: boolean; verb: "logs" | "exec" }): { ok: true; value: string } | { ok: false; error: string } {
  const containers = list(pod, "containers");
  if (containers.length === 0) return { ok: false, error: `pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers` };
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (annotated && findContainer(pod, annotated)) return { ok: true, value: annotated };
  if (annotated && opts.verb === "exec") return { ok: false, error: `container ${annotated} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}` };
  if (annotated) warn(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  if (!opts.quiet && (containers.length > 1 || list(pod, "initContainers").length > 0 || list(pod, "ephemeralContainers").length > 0)) {
    warn(`Defaulted container "${containers[0].name}" out of: ${allContainerNames(pod)}\n`);
  }
  return { ok: true, value: containers[0].name };
}

type Status = { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[]; containerStatuses?: { restartCount?: number }[] };

function readyTime(p: KubeObject): number | undefined {
  const ready = ((p.status as Status | undefined)?.conditions ?? []).find((c) => c.type === "Ready" && c.status === "True");
  return ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : undefined;
}

function restarts(p: KubeObject): number {
  return Math.max(0, ...((p.status as Status | undefined)?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/**
 * podutils.ByLogging (logs) and the reverse of podutils.ActivePods (exec): scheduled,
 * running and ready pods first, longest ready first, then oldest. They differ only in
 * which restart count wins.
 */
function preferred(a: KubeObject, b: KubeObject, moreRestartsFirst: boolean): number {
  const nodeA = Boolean((a.spec as Obj | undefined)?.nodeName);
  const nodeB = Boolean((b.spec as Obj | undefined)?.nodeName);
  if (nodeA !== nodeB) return nodeA ? -1 : 1;
  const rank: Record<string, number> = { Pending: 2, Unknown: 1 };
  const phase = (p: KubeObject) => rank[(p.status as Status | undefined)?.phase ?? ""] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ra = readyTime(a);
  const rb = readyTime(b);
  if ((ra === undefined) !== (rb === undefined)) return ra !== undefined ? -1 : 1;
  if (ra !== undefined && rb !== undefined && ra !== rb) return ra - rb;
  if (restarts(a) !== restarts(b)) return moreRestartsFirst ? restarts(b) - restarts(a) : restarts(a) - restarts(b);
  return Date.parse(a.metadata.creationTimestamp ?? "") - Date.parse(b.metadata.creationTimestamp ?? "");
}

export type Target = { ok: true; pods: KubeObject[]; total: number } | { ok: false; error: string };

/** polymorphichelpers.SelectorsForObject for the kinds the simulator serves. */
function selectorOf(obj: KubeObject): LabelSelectorSpec | string {
  const spec = (obj.spec ?? {}) as Obj;
  switch (obj.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
    case "Job":
      return (spec.selector as LabelSelectorSpec | undefined) ?? {};
    case "Service": {
      const sel = spec.selector as Record<string, string> | undefined;
      if (!sel || Object.keys(sel).length === 0) return `invalid service '${obj.metadata.name}': Service is defined without a selector`;
      return { matchLabels: sel };
    }
    default:
      return `selector for *v1.${obj.kind} not implemented`;
  }
}

export interface TargetOptions {
  /** `logs` says "cannot get the logs from", `exec` "cannot attach to" */
  readonly verb: "logs" | "exec";
  /** --pod-running-timeout: how long to wait for a workload's first pod */
  readonly timeoutMs: number;
}

/** The object `POD` or `TYPE/NAME` names, as the resource builder fetches it. */
export function objectFor(env: KubectlEnv, arg: string): { ok: true; value: KubeObject } | { ok: false; error: string } {
  let type = resourceForKind("Pod");
  let name = arg;
  if (arg.includes("/")) {
    const [t, n, ...extra] = arg.split("/");
    if (!t || !n || extra.length) return { ok: false, error: "error: arguments in resource/name form must have a single resource and name" };
    type = resolveResource(t);
    if (!type) return { ok: false, error: `error: the server doesn't have a resource type "${t}"` };
    name = n;
  }
  if (!type) return { ok: false, error: `error: the server doesn't have a resource type "pods"` };
  const got = env.api.get(type, env.namespace, name);
  return got.ok ? got : { ok: false, error: formatError(got.error) };
}

/**
 * The pods behind an object: a pod itself, or the pods of a workload sorted by kubectl's
 * preference, waiting up to the timeout for one to appear.
 */
export async function podsOf(env: KubectlEnv, obj: KubeObject, opts: TargetOptions): Promise<Target> {
  if (obj.kind === "Pod") return { ok: true, pods: [obj], total: 1 };
  const selector = selectorOf(obj);
  const what = opts.verb === "logs" ? "cannot get the logs from" : "cannot attach to";
  if (typeof selector === "string") return { ok: false, error: `error: ${what} *v1.${obj.kind}: ${selector}` };
  const requirements = selectorFromSpec(selector);
  const deadline = env.api.now() + opts.timeoutMs;
  const podType = resourceForKind("Pod") as ResourceType;
  for (;;) {
    const listed = env.api.list(podType, obj.metadata.namespace);
    const pods = (listed.ok ? listed.value : []).filter((p) => matchesSelector(requirements, p.metadata.labels));
    // Go's sort of so few pods is an insertion sort: stable over the name-ordered list
    if (pods.length) return { ok: true, pods: pods.sort((a, b) => preferred(a, b, opts.verb === "logs")), total: pods.length };
    if (env.signal.aborted || env.api.now() >= deadline) return { ok: false, error: "error: timed out waiting for the condition" };
    await env.sleep(Math.min(1000, deadline - env.api.now()));
  }
}
