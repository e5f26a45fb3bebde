/**
 * drain.Helper.GetPodsForDeletion (kubectl pkg/drain/filters.go): the pods on the node,
 * each run through the filters in order until one keeps it: too long in deletion (only
 * with --skip-wait-for-delete-timeout), DaemonSet-managed, mirror pods, emptyDir data,
 * pods without a controller. Only the last filter's verdict is kept, so a warning from an
 * earlier one can be dropped, as in kubectl. Errors and warnings are grouped by message.
 */
import type { KubeObject, OwnerReference } from "../../../api/object";
import { parseTimestamp } from "../../../api/object";
import { resolveResource } from "../../../api/resources";
import type { ResourceType } from "../../../api/resources";
import type { KubectlEnv } from "../../command";
import type { Failure } from "../../patch/failure";

const PODS = resolveResource("pods") as ResourceType;
const DAEMONSETS = resolveResource("daemonsets") as ResourceType;

const DAEMON_SET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMON_SET_WARNING = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING = "deleting Pods that declare no controller";

export interface FilterOptions {
  readonly force: boolean;
  readonly ignoreDaemonSets: boolean;
  readonly deleteEmptyDirData: boolean;
  readonly skipWaitForDeleteTimeoutSeconds: number;
}

type Verdict = { readonly delete: boolean; readonly reason: "Okay" | "Skip" | "Warning" | "Error"; readonly message?: string };

const OKAY: Verdict = { delete: true, reason: "Okay" };
const SKIP: Verdict = { delete: false, reason: "Skip" };
const warning = (del: boolean, message: string): Verdict => ({ delete: del, reason: "Warning", message });
const error = (message: string): Verdict => ({ delete: false, reason: "Error", message });

/** An API error's text as Go's err.Error() gives it: the status message alone. */
export function errorMessage(f: Failure): string {
  return typeof f === "string" ? f.replace(/^error: /, "") : f.message;
}

const controllerOf = (pod: KubeObject): OwnerReference | undefined => (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
const finished = (pod: KubeObject) => ["Succeeded", "Failed"].includes(String((pod.status as { phase?: string } | undefined)?.phase ?? ""));

/** Deleting pods whose deletion began more than N seconds ago are not waited for. */
export function deletedLongAgo(pod: KubeObject, seconds: number, now: number): boolean {
  const since = parseTimestamp(pod.metadata.deletionTimestamp);
  return seconds > 0 && since !== undefined && Math.trunc((now - since) / 1000) > seconds;
}

type Filter = (pod: KubeObject) => Verdict;

function filters(env: KubectlEnv, o: FilterOptions): Filter[] {
  const skipDeleted: Filter = (pod) => (deletedLongAgo(pod, o.skipWaitForDeleteTimeoutSeconds, env.api.now()) ? SKIP : OKAY);
  const daemonSet: Filter = (pod) => {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== "DaemonSet" || finished(pod)) return OKAY;
    const got = env.api.get(DAEMONSETS, pod.metadata.namespace, ref.name);
    if (!got.ok) return got.error.reason === "NotFound" && o.force ? warning(true, got.error.message) : error(got.error.message);
    return o.ignoreDaemonSets ? warning(false, DAEMON_SET_WARNING) : error(DAEMON_SET_FATAL);
  };
  // Mirror pods are marked by the kubelet's annotation; static pods written into the store directly carry only their source.
  const mirror: Filter = (pod) => {
    const a = pod.metadata.annotations ?? {};
    return "kubernetes.io/config.mirror" in a || (a["kubernetes.io/config.source"] ?? "api") !== "api" ? SKIP : OKAY;
  };
  const localStorage: Filter = (pod) => {
    const volumes = ((pod.spec as { volumes?: { emptyDir?: unknown }[] } | undefined)?.volumes ?? []).filter((v) => v.emptyDir);
    if (volumes.length === 0 || finished(pod)) return OKAY;
    return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : error(LOCAL_STORAGE_FATAL);
  };
  const unreplicated: Filter = (pod) => {
    if (finished(pod) || controllerOf(pod)) return OKAY;
    return o.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL);
  };
  return [skipDeleted, daemonSet, mirror, localStorage, unreplicated];
}

export interface PodDeleteList {
  /** the pods to evict or delete */
  readonly pods: readonly KubeObject[];
  /** `ignoring DaemonSet-managed Pods: ns/a, ns/b; …` or "" */
  readonly warnings: string;
  /** one per message: `cannot delete … : ns/a, ns/b` */
  readonly errors: readonly string[];
}

/** The filters' own messages in filter order; others (a missing DaemonSet) after them. */
const RANK = [DAEMON_SET_FATAL, DAEMON_SET_WARNING, LOCAL_STORAGE_FATAL, LOCAL_STORAGE_WARNING, UNMANAGED_FATAL, UNMANAGED_WARNING];
const rank = (message: string) => (RANK.includes(message) ? RANK.indexOf(message) : RANK.length);

/** Groups pods by message; Go walks a map here, so the order is kubectl's filter order instead of a random one. */
function grouped(items: readonly { pod: KubeObject; message: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const { pod, message } of items) {
    const list = groups.get(message) ?? [];
    list.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
    groups.set(message, list);
  }
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
}

export function podsForDeletion(env: KubectlEnv, node: string, podSelector: string, o: FilterOptions): { ok: true; value: PodDeleteList } | { ok: false; error: Failure } {
  const listed = env.api.list(PODS, undefined, { labelSelector: podSelector || undefined, fieldSelector: `spec.nodeName=${node}` });
  if (!listed.ok) return { ok: false, error: listed.error };
  const key = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;
  const pods = [...listed.value].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const chain = filters(env, o);
  const verdicts = pods.map((pod) => {
    let verdict = OKAY;
    for (const f of chain) {
      verdict = f(pod);
      if (!verdict.delete) break;
    }
    return { pod, verdict };
  });
  const warnings = grouped(verdicts.filter((v) => v.verdict.reason === "Warning").map((v) => ({ pod: v.pod, message: v.verdict.message ?? "" })))
    .map(([message, names]) => `${message}: ${names.join(", ")}`)
    .join("; ");
  const errors = grouped(verdicts.filter((v) => v.verdict.reason === "Error").map((v) => ({ pod: v.pod, message: v.verdict.message || "unexpected error" }))).map(([message, names]) =>
    message.toLowerCase().startsWith("cannot delete") ? `${message}: ${names.join(", ")}` : `cannot delete ${message}: ${names.join(", ")}`,
  );
  return { ok: true, value: { pods: verdicts.filter((v) => v.verdict.delete).map((v) => v.pod), warnings, errors } };
}
