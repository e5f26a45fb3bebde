/**
 * What the API server adds to a Pod on create beyond PodSpec defaults: limits copied
 * into requests, the service account and its projected token volume (ServiceAccount
 * admission), the not-ready/unreachable tolerations (DefaultTolerationSeconds), priority,
 * and the initial status with its immutable QoS class.
 */
import type { RandomState } from "../../random";
import { randomSuffix } from "../../random";
import { parseQuantity } from "../quantity";
import { defaultPodSpec } from "./pod-spec";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export const SERVICE_ACCOUNT_MOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

function containersOf(spec: Obj): Obj[] {
  return [...((spec.initContainers as Obj[] | undefined) ?? []), ...((spec.containers as Obj[] | undefined) ?? [])].filter(isObj);
}

function copyLimitsToRequests(c: Obj): void {
  const r = isObj(c.resources) ? c.resources : undefined;
  if (!r || !isObj(r.limits)) return;
  const requests = isObj(r.requests) ? r.requests : {};
  for (const [k, v] of Object.entries(r.limits)) if (requests[k] === undefined) requests[k] = v;
  r.requests = requests;
}

function projectedTokenVolume(name: string): Obj {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
      ],
    },
  };
}

function addServiceAccountVolume(spec: Obj, random: RandomState, mirror: boolean): void {
  if (spec.automountServiceAccountToken === false || mirror) return;
  const containers = containersOf(spec);
  const mounted = containers.some((c) => Array.isArray(c.volumeMounts) && (c.volumeMounts as Obj[]).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT));
  if (mounted) return;
  const name = `kube-api-access-${randomSuffix(random)}`;
  spec.volumes = [...((spec.volumes as Obj[] | undefined) ?? []), projectedTokenVolume(name)];
  for (const c of containers) c.volumeMounts = [...((c.volumeMounts as Obj[] | undefined) ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT, name, readOnly: true }];
}

function addDefaultTolerations(spec: Obj): void {
  const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as Obj[]) : [];
  for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
    const has = tolerations.some((t) => (t.key === key || (t.key === undefined && t.operator === "Exists")) && (t.effect === undefined || t.effect === "" || t.effect === "NoExecute"));
    if (!has) tolerations.push({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

const PRIORITY_CLASSES: Record<string, number> = { "system-node-critical": 2000001000, "system-cluster-critical": 2000000000 };

/** QoS class as `pkg/apis/core/helper/qos` computes it; only cpu and memory count. */
export function qosClass(spec: Obj): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = containersOf(spec);
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const r = isObj(c.resources) ? c.resources : {};
    const limits = isObj(r.limits) ? r.limits : {};
    const requests = isObj(r.requests) ? r.requests : {};
    for (const res of ["cpu", "memory"]) {
      const l = parseQuantity(limits[res]);
      const q = parseQuantity(requests[res]);
      if ((l ?? 0) > 0 || (q ?? 0) > 0) any = true;
      if (!((l ?? 0) > 0)) guaranteed = false;
      else if (q !== undefined && q > 0 && q !== l) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** SetDefaults_Pod: what defaulting (not admission) adds on every create and update. */
export function defaultPodFields(pod: Obj): void {
  const spec = isObj(pod.spec) ? pod.spec : (pod.spec = {});
  defaultPodSpec(spec);
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
  for (const c of containersOf(spec)) copyLimitsToRequests(c);
}

/**
 * Create: defaulting, then the ServiceAccount, DefaultTolerationSeconds and Priority
 * admission plugins. The status comes later (preparePodForCreate), once the LimitRanger
 * has filled in resources, because the QoS class is read from them.
 */
export function defaultPod(pod: Obj, random: RandomState): void {
  defaultPodFields(pod);
  const spec = pod.spec as Obj;
  const sa = typeof spec.serviceAccountName === "string" && spec.serviceAccountName ? spec.serviceAccountName : typeof spec.serviceAccount === "string" && spec.serviceAccount ? spec.serviceAccount : "default";
  spec.serviceAccountName = sa;
  spec.serviceAccount = sa;
  // ServiceAccount admission leaves mirror pods (static pods' API copies) as the kubelet wrote them.
  const annotations = ((pod.metadata as Obj | undefined)?.annotations ?? {}) as Obj;
  addServiceAccountVolume(spec, random, annotations["kubernetes.io/config.mirror"] !== undefined);
  addDefaultTolerations(spec);
  if (spec.priority === undefined) spec.priority = PRIORITY_CLASSES[String(spec.priorityClassName ?? "")] ?? 0;
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = "PreemptLowerPriority";
}

/** podStrategy.PrepareForCreate: the initial status, with the QoS class fixed for the pod's life. */
export function preparePodForCreate(pod: Obj): void {
  const spec = pod.spec as Obj;
  pod.status = { phase: "Pending", qosClass: qosClass(spec) };
  if (Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0) {
    (pod.status as Obj).conditions = [
      { lastProbeTime: null, lastTransitionTime: null, message: "Scheduling is blocked due to non-empty scheduling gates", reason: "SchedulingGated", status: "False", type: "PodScheduled" },
    ];
  }
}
