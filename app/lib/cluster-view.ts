/**
 * The live cluster panel's picture: nodes as boxes with their pods inside, each pod with
 * the STATUS kubectl shows and a colour class the panel paints it with.
 */
import { podSummary, type Workspace } from "../../engine/index";

export type PodTone = "pending" | "running" | "ready" | "failing" | "completed" | "terminating";

export interface PodBox {
  readonly name: string;
  readonly namespace: string;
  readonly status: string;
  readonly ready: string;
  readonly tone: PodTone;
}

export interface NodeBox {
  readonly name: string;
  readonly ready: boolean;
  readonly schedulable: boolean;
  readonly roles: readonly string[];
  readonly pods: readonly PodBox[];
}

export interface ClusterPicture {
  readonly nodes: readonly NodeBox[];
  /** pods no node took yet */
  readonly unscheduled: readonly PodBox[];
}

interface PodLike {
  metadata: { name?: string; namespace?: string; deletionTimestamp?: string };
  spec?: { nodeName?: string; containers?: unknown[] };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

export function tone(status: string, phase: string | undefined, ready: boolean, terminating: boolean): PodTone {
  if (terminating) return "terminating";
  if (phase === "Succeeded" || status === "Completed") return "completed";
  if (/BackOff|Err|Error|OOMKilled|Failed|Invalid|CreateContainer/.test(status) || phase === "Failed") return "failing";
  if (phase === "Running") return ready ? "ready" : "running";
  return "pending";
}

/** The picture of the workspace's first cluster, with STATUS as `kubectl get pods` words it. */
export function clusterPicture(ws: Workspace): ClusterPicture {
  const cluster = ws.cluster(ws.clusterNames()[0] ?? "");
  if (!cluster) return { nodes: [], unscheduled: [] };
  const store = cluster.api.store;
  const boxes = (store.list("pods") as unknown as PodLike[]).map((p) => {
    const shown = podSummary(p as unknown as Parameters<typeof podSummary>[0], ws.now());
    const ready = p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
    const box: PodBox = { name: p.metadata.name ?? "", namespace: p.metadata.namespace ?? "", status: shown.status, ready: shown.ready, tone: tone(shown.status, p.status?.phase, ready, Boolean(p.metadata.deletionTimestamp)) };
    return { node: p.spec?.nodeName, box };
  });
  const nodes = store.list("nodes").map((n) => {
    const labels = n.metadata.labels ?? {};
    const conditions = ((n.status ?? {}) as { conditions?: { type: string; status: string }[] }).conditions ?? [];
    return {
      name: n.metadata.name ?? "",
      ready: conditions.some((c) => c.type === "Ready" && c.status === "True"),
      schedulable: !(n.spec as { unschedulable?: boolean } | undefined)?.unschedulable,
      roles: Object.keys(labels)
        .filter((k) => k.startsWith("node-role.kubernetes.io/"))
        .map((k) => k.slice("node-role.kubernetes.io/".length)),
      pods: boxes.filter((b) => b.node === n.metadata.name).map((b) => b.box),
    };
  });
  return { nodes, unscheduled: boxes.filter((b) => !b.node).map((b) => b.box) };
}
