/** Defaults of the remaining core kinds: Service (with IP and port allocation), Secret, Namespace. */
import type { RandomState } from "../../random";
import { randomInt } from "../../random";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const setDefault = (o: Obj, k: string, v: unknown) => {
  if (o[k] === undefined) o[k] = v;
};

export interface Allocations {
  /** cluster IPs already taken */
  readonly clusterIPs: ReadonlySet<string>;
  readonly nodePorts: ReadonlySet<number>;
}

function allocateClusterIP(random: RandomState, taken: ReadonlySet<string>): string {
  for (;;) {
    const ip = `10.${96 + randomInt(random, 1)}.${randomInt(random, 256)}.${1 + randomInt(random, 254)}`;
    if (!taken.has(ip) && ip !== "10.96.0.1" && ip !== "10.96.0.10") return ip;
  }
}

function allocateNodePort(random: RandomState, taken: ReadonlySet<number>): number {
  for (;;) {
    const p = 30000 + randomInt(random, 2768);
    if (!taken.has(p)) return p;
  }
}

export function defaultService(svc: Obj, random: RandomState, alloc: Allocations): void {
  const spec = isObj(svc.spec) ? svc.spec : (svc.spec = {});
  setDefault(spec, "type", "ClusterIP");
  setDefault(spec, "sessionAffinity", "None");
  if (spec.type !== "ExternalName") {
    if (spec.clusterIP === undefined || spec.clusterIP === "") spec.clusterIP = allocateClusterIP(random, alloc.clusterIPs);
    setDefault(spec, "clusterIPs", [spec.clusterIP]);
    setDefault(spec, "ipFamilies", spec.clusterIP === "None" ? ["IPv4"] : ["IPv4"]);
    setDefault(spec, "ipFamilyPolicy", "SingleStack");
    setDefault(spec, "internalTrafficPolicy", "Cluster");
  }
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") setDefault(spec, "externalTrafficPolicy", "Cluster");
  if (spec.type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!isObj(p)) continue;
      setDefault(p, "protocol", "TCP");
      setDefault(p, "targetPort", p.port);
      if ((spec.type === "NodePort" || spec.type === "LoadBalancer") && !p.nodePort) p.nodePort = allocateNodePort(random, alloc.nodePorts);
    }
  }
  setDefault(svc, "status", { loadBalancer: {} });
}

/** stringData is write-only: merged into data as base64 and dropped. */
export function defaultSecret(secret: Obj): void {
  setDefault(secret, "type", "Opaque");
  if (isObj(secret.stringData)) {
    const data = isObj(secret.data) ? secret.data : {};
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = Buffer.from(String(v), "utf8").toString("base64");
    secret.data = data;
    delete secret.stringData;
  }
}

export function defaultNamespace(ns: Obj): void {
  const meta = ns.metadata as Obj;
  meta.labels = { ...(isObj(meta.labels) ? meta.labels : {}), "kubernetes.io/metadata.name": String(meta.name) };
  ns.spec = { finalizers: ["kubernetes"], ...(isObj(ns.spec) ? ns.spec : {}) };
  ns.status = { phase: "Active" };
}
