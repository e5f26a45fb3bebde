/**
 * describe.go's formatEndpointSlices, over the Service's EndpointSlices when the store
 * has them, else over the slice the EndpointSlice controller would build from the
 * selected pods (the simulator need not store slices).
 */
import type { EndpointSlice } from "kubernetes-types/discovery/v1";
import type { Pod, Service } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import type { DescribeContext } from "./describe-object";

const MAX_SHOWN = 3;

/** An EndpointSlice port for a service port on one pod; named target ports resolve through its containers. */
function resolvePort(pod: Pod, target: number | string | undefined, fallback: number): number | undefined {
  if (target === undefined) return fallback;
  if (typeof target === "number") return target;
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

function isReady(pod: Pod): boolean {
  return !pod.metadata?.deletionTimestamp && pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true;
}

function matchesSelector(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** The slices the controller keeps for a selector Service: one per distinct port mapping. */
function derivedSlices(svc: Service, ctx: DescribeContext): EndpointSlice[] {
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0 || svc.spec?.type === "ExternalName") return [];
  const pods = (ctx.list("Pod", svc.metadata?.namespace) as unknown as Pod[])
    .filter((p) => matchesSelector(selector, p.metadata?.labels) && p.status?.podIP && isReady(p))
    .sort((a, b) => ((a.metadata?.name ?? "") < (b.metadata?.name ?? "") ? -1 : 1));
  const slices = new Map<string, EndpointSlice>();
  for (const pod of pods) {
    const ports = (svc.spec?.ports ?? []).map((sp) => ({ name: sp.name ?? "", port: resolvePort(pod, sp.targetPort, sp.port), protocol: sp.protocol ?? "TCP" }));
    if (ports.some((p) => p.port === undefined)) continue;
    const key = JSON.stringify(ports);
    const slice: EndpointSlice = slices.get(key) ?? { addressType: "IPv4", endpoints: [], ports };
    slice.endpoints.push({ addresses: [pod.status?.podIP ?? ""], conditions: { ready: true } });
    slices.set(key, slice);
  }
  // The controller keeps a slice even when no pod is ready, so the line reads empty, not <none>.
  return slices.size > 0 ? [...slices.values()] : [{ addressType: "IPv4", endpoints: [], ports: [] }];
}

export function serviceEndpointSlices(obj: KubeObject, ctx: DescribeContext): EndpointSlice[] {
  const stored = ctx.list("EndpointSlice", obj.metadata.namespace).filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === obj.metadata.name);
  return stored.length > 0 ? (stored as unknown as EndpointSlice[]) : derivedSlices(obj as unknown as Service, ctx);
}

/** `10.244.0.1:80,10.244.0.2:80 + 2 more...` for the ports named `portName`, ready endpoints only. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  let count = 0;
  let more = false;
  // As in kubectl, the overflow check runs before the readiness check, so a not-ready
  // endpoint after the third shown one still turns on `+ N more...`.
  const visit = (ready: boolean, addr: string) => {
    if (list.length === MAX_SHOWN) more = true;
    if (!ready) return;
    if (!more) list.push(addr);
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    if (!slice.ports || slice.ports.length === 0) {
      for (const e of endpoints) visit(e.conditions?.ready !== false, e.addresses[0]);
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? "") !== portName) continue;
      for (const e of endpoints) {
        const ip = e.addresses[0];
        visit(e.conditions?.ready !== false, ip.includes(":") ? `[${ip}]:${port.port}` : `${ip}:${port.port}`);
      }
    }
  }
  return more ? `${list.join(",")} + ${count - MAX_SHOWN} more...` : list.join(",");
}
