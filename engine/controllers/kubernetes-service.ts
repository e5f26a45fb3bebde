/**
 * The API server keeps the `kubernetes` Service in `default` pointing at itself and
 * puts it back if someone deletes it; its endpoint reconciler keeps the Endpoints and
 * EndpointSlice of the same name on the control-plane node's address and secure port.
 */
import type { KubeObject } from "../api/object";
import { resourceForKind } from "../api/resources";
import { seededFrom } from "../random";
import type { Controller, ControllerContext } from "./controller";
import { sameJson } from "./pod-control";

const NAME = "kubernetes";
const SECURE_PORT = 6443;

/** The advertise address: the control-plane node's InternalIP. */
function advertiseAddress(ctx: ControllerContext): string | undefined {
  const cp = ctx.api.store.list("nodes").find((n) => n.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined);
  const addresses = ((cp?.status ?? {}) as { addresses?: { type: string; address: string }[] }).addresses ?? [];
  return addresses.find((a) => a.type === "InternalIP")?.address;
}

/** Creates `desired` or brings the stored object's `fields` back to it; true if it wrote. */
function keep(ctx: ControllerContext, kind: string, current: KubeObject | undefined, desired: KubeObject, fields: readonly string[]): boolean {
  const type = resourceForKind(kind);
  if (!type) return false;
  // seeded, so the reconciler's objects shift no other name
  if (!current) return ctx.api.create(type, "default", desired, { fieldValidation: "Ignore", random: seededFrom(`${kind}/${NAME}`) }).ok;
  const cur = current as unknown as Record<string, unknown>;
  const want = desired as unknown as Record<string, unknown>;
  if (fields.every((f) => sameJson(cur[f], want[f])) && sameJson(current.metadata.labels, desired.metadata.labels)) return false;
  const next = { ...current, metadata: { ...current.metadata, labels: desired.metadata.labels } } as unknown as Record<string, unknown>;
  for (const f of fields) next[f] = want[f];
  return ctx.api.update(type, "default", next, { fieldValidation: "Ignore" }).ok;
}

function keepEndpoints(ctx: ControllerContext): boolean {
  const ip = advertiseAddress(ctx);
  if (!ip) return false;
  const ports = [{ name: "https", port: SECURE_PORT, protocol: "TCP" }];
  const endpoints = { apiVersion: "v1", kind: "Endpoints", metadata: { name: NAME, labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } }, subsets: [{ addresses: [{ ip }], ports }] } as unknown as KubeObject;
  const slice = { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: NAME, labels: { "kubernetes.io/service-name": NAME } }, addressType: "IPv4", endpoints: [{ addresses: [ip], conditions: { ready: true } }], ports } as unknown as KubeObject;
  const a = keep(ctx, "Endpoints", ctx.api.store.get("endpoints", "default", NAME), endpoints, ["subsets"]);
  const b = keep(ctx, "EndpointSlice", ctx.api.store.get("endpointslices", "default", NAME), slice, ["addressType", "endpoints", "ports"]);
  return a || b;
}

export const kubernetesService: Controller = {
  name: "kubernetes-service",
  reconcile(ctx) {
    if (!ctx.api.store.get("namespaces", undefined, "default")) return false;
    let wrote = false;
    if (!ctx.api.store.get("services", "default", NAME)) {
      const services = resourceForKind("Service");
      if (!services) return false;
      wrote = ctx.api.create(services, "default", {
        metadata: { name: NAME, labels: { component: "apiserver", provider: "kubernetes" } },
        spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: SECURE_PORT }], sessionAffinity: "None", type: "ClusterIP" },
      }).ok;
    }
    return keepEndpoints(ctx) || wrote;
  },
};
