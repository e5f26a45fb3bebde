/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a
 * selector, EndpointSlices owned by it, one per distinct set of ports its pods resolve
 * the Service ports to, listing each selected pod that has an address, terminating ones
 * included, with its ready/serving/terminating conditions; a Service with no such pod
 * keeps one empty placeholder slice. Slices are named from the Service (`web-x7k2p`) and
 * labelled with its name and the controller's, and go with their Service through the
 * garbage collector. Their names and uids are seeded from the Service's uid rather than
 * drawn from the cluster's random stream, so keeping them shifts no other name.
 *
 * The real reconciler keeps endpoints in the order of its internal sets; here they are in
 * pod name order, and a slice holds every endpoint (the real limit is 100 per slice).
 */
import type { Endpoint, EndpointPort } from "kubernetes-types/discovery/v1";
import type { Pod, Service } from "kubernetes-types/core/v1";
import type { KubeObject } from "../api/object";
import { randomSuffix, seededFrom } from "../random";
import type { Controller, ControllerContext } from "./controller";
import { isPodReady, newControllerRef, sameJson, typeOf } from "./pod-control";
import { endpointLabels, findPort, managedSelector, selectedPods, shouldPodBeInEndpoints, TRIGGER_TIME_ANNOTATION, triggerTime } from "./service-backends";

const SLICES = typeOf("EndpointSlice");
const SERVICES = typeOf("Service");
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
const CONTROLLER_NAME = "endpointslice-controller.k8s.io";

interface Desired {
  readonly ports: EndpointPort[];
  readonly endpoints: Endpoint[];
}

function endpointOf(pod: KubeObject, publishNotReady: boolean): Endpoint {
  const p = pod as unknown as Pod;
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const serving = publishNotReady || isPodReady(pod);
  return {
    addresses: [p.status?.podIP ?? ""],
    conditions: { ready: serving && !terminating, serving, terminating },
    ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
    targetRef: { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
  };
}

/** The endpoints per port set, in the order the port sets first appear. */
function desiredSlices(svc: KubeObject, pods: readonly KubeObject[]): Desired[] {
  const spec = (svc as unknown as Service).spec ?? {};
  const publishNotReady = spec.publishNotReadyAddresses === true;
  const byPorts = new Map<string, Desired>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port !== undefined) ports.push({ name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP", ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    const key = JSON.stringify(ports);
    const d = byPorts.get(key) ?? { ports, endpoints: [] };
    d.endpoints.push(endpointOf(pod, publishNotReady));
    byPorts.set(key, d);
  }
  return [...byPorts.values()];
}

const portsOf = (s: KubeObject) => ((s as { ports?: EndpointPort[] }).ports ?? []);
const endpointsOf = (s: KubeObject) => ((s as { endpoints?: Endpoint[] | null }).endpoints ?? []);

/** `<service>-<5 characters>`, free in the namespace. */
function sliceName(ctx: ControllerContext, svc: KubeObject): string {
  for (let n = 0; ; n++) {
    const name = `${svc.metadata.name}-${randomSuffix(seededFrom(`${svc.metadata.uid}/${n}`))}`;
    if (!ctx.api.store.get("endpointslices", svc.metadata.namespace, name)) return name;
  }
}

function write(ctx: ControllerContext, svc: KubeObject, current: KubeObject | undefined, d: Desired, labels: Record<string, string>, trigger: string | undefined): boolean {
  const ns = svc.metadata.namespace;
  const annotations = { ...(current?.metadata.annotations ?? {}) };
  if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger;
  else delete annotations[TRIGGER_TIME_ANNOTATION];
  const metadata = {
    ...(current?.metadata ?? { name: sliceName(ctx, svc), generateName: `${svc.metadata.name}-`, namespace: ns, ownerReferences: [newControllerRef(svc, SERVICES)] }),
    labels,
    ...(Object.keys(annotations).length ? { annotations } : {}),
  };
  if (!Object.keys(annotations).length) delete metadata.annotations;
  const object = { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata, addressType: "IPv4", endpoints: d.endpoints.length ? d.endpoints : null, ports: d.ports.length ? d.ports : null };
  const r = current ? ctx.api.update(SLICES, ns, object, { fieldValidation: "Ignore" }) : ctx.api.create(SLICES, ns, object, { fieldValidation: "Ignore", random: seededFrom(`${metadata.name}/${svc.metadata.uid}`) });
  return r.ok;
}

function syncService(ctx: ControllerContext, svc: KubeObject, selector: Record<string, string>): boolean {
  const ns = svc.metadata.namespace;
  const pods = selectedPods(ctx, svc, selector);
  const labels = endpointLabels(svc, { [MANAGED_BY_LABEL]: CONTROLLER_NAME, [SERVICE_NAME_LABEL]: svc.metadata.name ?? "" });
  const existing = ctx.api.store.list("endpointslices", ns).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name && s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME);
  const desired = desiredSlices(svc, pods);
  // with no endpoints at all, one placeholder slice without ports stays
  const wanted = desired.length ? desired : [{ ports: [], endpoints: [] }];
  let wrote = false;
  // a slice with the same ports is updated; a slice that would go is reused for one that would be created (finalize)
  const used = new Set<KubeObject>();
  const matched = wanted.map((d) => {
    const current = existing.find((s) => !used.has(s) && sameJson(portsOf(s), d.ports));
    if (current) used.add(current);
    return current;
  });
  wanted.forEach((d, i) => {
    let current = matched[i];
    if (!current) {
      current = existing.find((s) => !used.has(s));
      if (current) used.add(current);
    }
    const same = current && sameJson(portsOf(current), d.ports) && sameJson(endpointsOf(current), d.endpoints) && sameJson(current.metadata.labels ?? {}, labels);
    if (same) return;
    const previous = current?.metadata.annotations?.[TRIGGER_TIME_ANNOTATION] ?? existing.map((x) => x.metadata.annotations?.[TRIGGER_TIME_ANNOTATION]).find(Boolean);
    wrote = write(ctx, svc, current, d, labels, triggerTime(svc, pods, previous)) || wrote;
  });
  for (const x of existing) if (!used.has(x)) wrote = ctx.api.delete(SLICES, ns, x.metadata.name ?? "").ok || wrote;
  return wrote;
}

export const endpointSliceController: Controller = {
  name: "endpointslice-controller",
  reconcile(ctx) {
    let wrote = false;
    for (const svc of ctx.api.store.list("services")) {
      const selector = managedSelector(svc);
      if (selector && !svc.metadata.deletionTimestamp) wrote = syncService(ctx, svc, selector) || wrote;
    }
    return wrote;
  },
};
