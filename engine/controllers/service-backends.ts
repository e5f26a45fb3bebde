/**
 * What the Endpoints and EndpointSlice controllers share (pkg/controller/util/endpointslice
 * and endpoint): the pods a Service selects, which of them belong in its endpoints, the
 * container port each Service port lands on, and the last-change trigger time.
 */
import type { Pod, Service, ServicePort } from "kubernetes-types/core/v1";
import type { KubeObject } from "../api/object";
import { parseTimestamp } from "../api/object";
import type { ControllerContext } from "./controller";
import { isPodTerminal } from "./pod-control";

/** The label both controllers put on what they keep for a headless Service. */
export const HEADLESS_LABEL = "service.kubernetes.io/headless";
export const TRIGGER_TIME_ANNOTATION = "endpoints.kubernetes.io/last-change-trigger-time";

const byName = (a: KubeObject, b: KubeObject) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : (a.metadata.name ?? "") > (b.metadata.name ?? "") ? 1 : 0);

/** A Service whose endpoints a controller keeps: it selects pods and is not an ExternalName. */
export function managedSelector(svc: KubeObject): Record<string, string> | undefined {
  const spec = (svc as unknown as Service).spec;
  if (spec?.type === "ExternalName" || !spec?.selector) return undefined;
  return spec.selector;
}

/** The pods of the Service's namespace its selector matches (an empty selector matches all), by name. */
export function selectedPods(ctx: ControllerContext, svc: KubeObject, selector: Record<string, string>): KubeObject[] {
  return ctx.api.store
    .list("pods", svc.metadata.namespace)
    .filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
    .sort(byName);
}

/** ShouldPodBeInEndpoints: not finished, has an address, and (unless `includeTerminating`) not going. */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!(pod as unknown as Pod).status?.podIP) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** podutil.FindPort: a number as it is, a name through the pod's container ports of the same protocol. */
export function findPort(pod: KubeObject, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of (pod as unknown as Pod).spec?.containers ?? []) {
    const p = (c.ports ?? []).find((x) => x.name === target && (x.protocol ?? "TCP") === (sp.protocol ?? "TCP"));
    if (p) return p.containerPort;
  }
  return undefined;
}

/** isServiceIPSet: false for a headless Service. */
export function isHeadless(svc: KubeObject): boolean {
  const ip = (svc as unknown as Service).spec?.clusterIP;
  return !ip || ip === "None";
}

/** The Service's labels with the headless label as the controllers keep it. */
export function endpointLabels(svc: KubeObject, extra: Record<string, string> = {}): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), ...extra };
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = "";
  else delete labels[HEADLESS_LABEL];
  return labels;
}

function readySince(pod: KubeObject): string | undefined {
  return (pod as unknown as Pod).status?.conditions?.find((c) => c.type === "Ready")?.lastTransitionTime;
}

/**
 * ComputeEndpointLastChangeTriggerTime: the earliest of the trigger times (a pod's Ready
 * transition, the Service's creation) that changed since the last write. The real
 * tracker remembers the last sync in memory; here the time written last stands for it.
 * Undefined when none changed, which clears the annotation.
 */
export function triggerTime(svc: KubeObject, pods: readonly KubeObject[], previous: string | undefined): string | undefined {
  const since = parseTimestamp(previous) ?? -Infinity;
  const times = [...pods.map(readySince), svc.metadata.creationTimestamp].filter((t): t is string => Boolean(t) && (parseTimestamp(t) ?? -Infinity) > since);
  return times.sort((a, b) => (parseTimestamp(a) ?? 0) - (parseTimestamp(b) ?? 0))[0];
}
