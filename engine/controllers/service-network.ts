/**
 * Cluster DNS and kube-proxy for the container runtime: a Service name (`web`,
 * `web.shop`, `web.shop.svc.cluster.local`) or ClusterIP resolves to the Service, and a
 * connection to one of its ports lands on a ready pod the selector picks (the first
 * by name, so the simulation stays deterministic). Pod DNS names resolve to the pod IP.
 */
import type { Store } from "../api/store";
import type { KubeObject } from "../api/object";
import { matchesSelector, selectorFromSpec } from "../api/label-selector";
import type { ClusterNetwork } from "../runtime/pod-network";

type Obj = Record<string, unknown>;

function serviceFor(store: Store, host: string, namespace: string | undefined): KubeObject | undefined {
  const services = store.list("services");
  const byIP = services.find((s) => (s.spec as Obj | undefined)?.clusterIP === host);
  if (byIP) return byIP;
  const parts = host.replace(/\.$/, "").split(".");
  const name = parts[0];
  const ns = parts.length === 1 ? namespace : parts[1];
  const rest = parts.slice(2).join(".");
  if (rest !== "" && rest !== "svc" && rest !== "svc.cluster.local") return undefined;
  return services.find((s) => s.metadata.name === name && s.metadata.namespace === (ns ?? "default"));
}

function readyPods(store: Store, svc: KubeObject): KubeObject[] {
  const selector = (svc.spec as Obj | undefined)?.selector as Record<string, string> | undefined;
  if (!selector || Object.keys(selector).length === 0) return [];
  const sel = selectorFromSpec({ matchLabels: selector });
  return store
    .list("pods", svc.metadata.namespace)
    .filter((p) => !p.metadata.deletionTimestamp && matchesSelector(sel, p.metadata.labels))
    .filter((p) => (((p.status as Obj | undefined)?.conditions as Obj[] | undefined) ?? []).some((c) => c.type === "Ready" && c.status === "True"))
    .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
}

function targetPort(svcPort: Obj, pod: KubeObject): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === "number") return target;
  for (const c of (((pod.spec as Obj).containers as Obj[] | undefined) ?? [])) {
    const named = ((c.ports as Obj[] | undefined) ?? []).find((p) => p.name === target);
    if (named) return Number(named.containerPort);
  }
  return undefined;
}

/** Pod DNS: `10-244-1-5.ns.pod.cluster.local`. */
function podAddress(host: string): string | undefined {
  const m = /^(\d+)-(\d+)-(\d+)-(\d+)\.[^.]+\.pod(\.cluster\.local)?\.?$/.exec(host);
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : undefined;
}

export function serviceNetwork(store: Store): ClusterNetwork {
  return {
    resolve(host, port, namespace) {
      const podIP = podAddress(host);
      if (podIP) return { ip: podIP, target: { podIP, port } };
      const svc = serviceFor(store, host, namespace);
      if (!svc) return undefined;
      const spec = (svc.spec ?? {}) as Obj;
      const ip = String(spec.clusterIP ?? "");
      const svcPort = ((spec.ports as Obj[] | undefined) ?? []).find((p) => p.port === port);
      if (!svcPort) return { ip };
      for (const pod of readyPods(store, svc)) {
        const p = targetPort(svcPort, pod);
        const podIPOf = String((pod.status as Obj | undefined)?.podIP ?? "");
        if (p !== undefined && podIPOf) return { ip, target: { podIP: podIPOf, port: p } };
      }
      return { ip };
    },
  };
}
