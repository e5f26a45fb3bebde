/**
 * The Endpoints controller (pkg/controller/endpoint): for every Service with a selector,
 * an Endpoints object of the same name with the Service's labels, holding the selected
 * pods that have an address and are not going (ready ones under `addresses`, the others
 * under `notReadyAddresses`), per port mapping, repacked into subsets that share ports,
 * addresses in IP order. It goes when its Service goes; a Service that loses its selector
 * keeps what was written last.
 *
 * RepackSubsets orders ports within a subset by a hash of the Go struct; here they keep
 * the Service's port order.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset, Pod, Service } from "kubernetes-types/core/v1";
import type { KubeObject } from "../api/object";
import { seededFrom } from "../random";
import type { Controller, ControllerContext } from "./controller";
import { isPodReady, sameJson, typeOf } from "./pod-control";
import { endpointLabels, findPort, managedSelector, selectedPods, shouldPodBeInEndpoints, TRIGGER_TIME_ANNOTATION, triggerTime } from "./service-backends";

const ENDPOINTS = typeOf("Endpoints");

const ipKey = (ip: string) => ip.split(".").map((n) => n.padStart(3, "0")).join(".");
const byIPAndUID = (a: EndpointAddress, b: EndpointAddress) => ipKey(a.ip).localeCompare(ipKey(b.ip)) || (a.targetRef?.uid ?? "").localeCompare(b.targetRef?.uid ?? "");

function address(pod: KubeObject): EndpointAddress {
  const p = pod as unknown as Pod;
  return { ip: p.status?.podIP ?? "", nodeName: p.spec?.nodeName, targetRef: { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid } };
}

/** syncService's subsets: one per pod and port, then RepackSubsets. */
function subsetsFor(svc: KubeObject, pods: readonly KubeObject[]): EndpointSubset[] {
  const spec = (svc as unknown as Service).spec ?? {};
  const publishNotReady = spec.publishNotReadyAddresses === true;
  const bySet = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? "TCP", ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    // a Service without ports keeps its pods only when headless
    if ((spec.ports ?? []).length === 0 && spec.clusterIP !== "None") continue;
    if ((spec.ports ?? []).length > 0 && ports.length === 0) continue;
    const key = JSON.stringify(ports);
    const set = bySet.get(key) ?? { ports, ready: [], notReady: [] };
    (publishNotReady || isPodReady(pod) ? set.ready : set.notReady).push(address(pod));
    bySet.set(key, set);
  }
  return [...bySet.values()].map((s) => ({
    ...(s.ready.length ? { addresses: s.ready.sort(byIPAndUID) } : {}),
    ...(s.notReady.length ? { notReadyAddresses: s.notReady.sort(byIPAndUID) } : {}),
    ...(s.ports.length ? { ports: s.ports } : {}),
  }));
}

function syncService(ctx: ControllerContext, svc: KubeObject, selector: Record<string, string>): boolean {
  const ns = svc.metadata.namespace;
  const name = svc.metadata.name ?? "";
  const pods = selectedPods(ctx, svc, selector);
  const subsets = subsetsFor(svc, pods);
  const labels = endpointLabels(svc);
  const current = ctx.api.store.get("endpoints", ns, name);
  const currentSubsets = (current as { subsets?: EndpointSubset[] } | undefined)?.subsets ?? [];
  if (current && sameJson(currentSubsets, subsets) && sameJson(current.metadata.labels ?? {}, labels)) return false;
  const annotations = { ...(current?.metadata.annotations ?? {}) };
  const trigger = triggerTime(svc, pods, annotations[TRIGGER_TIME_ANNOTATION]);
  if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger;
  else delete annotations[TRIGGER_TIME_ANNOTATION];
  const metadata = { ...(current?.metadata ?? { name, namespace: ns }), labels, ...(Object.keys(annotations).length ? { annotations } : {}) };
  if (!Object.keys(annotations).length) delete metadata.annotations;
  const object = { apiVersion: "v1", kind: "Endpoints", metadata, ...(subsets.length ? { subsets } : {}) };
  // its uid is seeded from the Service's, so keeping it shifts no other name
  const r = current ? ctx.api.update(ENDPOINTS, ns, object, { fieldValidation: "Ignore" }) : ctx.api.create(ENDPOINTS, ns, object, { fieldValidation: "Ignore", random: seededFrom(`endpoints/${svc.metadata.uid}`) });
  return r.ok;
}

/**
 * The Services whose Endpoints this controller wrote: when one goes, its Endpoints go
 * (the real controller learns of it from the delete event); Endpoints someone wrote for
 * a Service that does not exist are left alone. Kept in the store under a resource no API
 * serves.
 */
const MANAGED_RESOURCE = "endpoint-controller.kubelab.internal";
const MANAGED_NAME = "managed";

function managedKeys(ctx: ControllerContext): string[] {
  return ((ctx.api.store.get(MANAGED_RESOURCE, undefined, MANAGED_NAME) as { keys?: string[] } | undefined)?.keys ?? []).slice();
}

function saveManaged(ctx: ControllerContext, keys: readonly string[]): void {
  if (sameJson(keys, managedKeys(ctx))) return;
  ctx.api.store.put(MANAGED_RESOURCE, { apiVersion: `${MANAGED_RESOURCE}/v1`, kind: "ManagedEndpoints", metadata: { name: MANAGED_NAME }, keys: [...keys] } as KubeObject);
}

export const endpointsController: Controller = {
  name: "endpoint-controller",
  reconcile(ctx) {
    let wrote = false;
    const managed = new Set<string>();
    for (const svc of ctx.api.store.list("services")) {
      const selector = managedSelector(svc);
      if (!selector || svc.metadata.deletionTimestamp) continue;
      managed.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
      wrote = syncService(ctx, svc, selector) || wrote;
    }
    for (const key of managedKeys(ctx)) {
      if (managed.has(key)) continue;
      const [ns, name] = key.split("/");
      const service = ctx.api.store.get("services", ns, name);
      if (!service && ctx.api.store.get("endpoints", ns, name)) wrote = ctx.api.delete(ENDPOINTS, ns, name).ok || wrote;
    }
    saveManaged(ctx, [...managed]);
    return wrote;
  },
};
