/**
 * The kubelet of every node: static pods from each node's manifest folder, then a sync of
 * every pod bound to a node that exists, then the clean-up of what the runtime still
 * holds for pods that are gone (force-deleted, or finished and deleted at once).
 */
import type { KubeObject } from "../../api/object";
import type { Controller } from "../controller";
import { PodIPAllocator } from "./pod-ip";
import { allMemories } from "./pod-memory";
import { cleanUp, syncPod } from "./pod-sync";
import { syncStaticPods } from "./static-pods";

const nodeOf = (pod: KubeObject) => (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? "";

export const kubelet: Controller = {
  name: "kubelet",
  reconcile(ctx) {
    let wrote = false;
    const nodes = new Map(ctx.api.store.list("nodes").map((n) => [n.metadata.name ?? "", n]));
    const byNode = new Map<string, KubeObject[]>();
    for (const pod of ctx.api.store.list("pods")) {
      const list = byNode.get(nodeOf(pod));
      if (list) list.push(pod);
      else byNode.set(nodeOf(pod), [pod]);
    }
    for (const [name, node] of nodes) wrote = syncStaticPods(ctx, node, byNode.get(name) ?? []) || wrote;
    const pods = ctx.api.store.list("pods");
    const ipam = new PodIPAllocator(pods, nodes);
    const live = new Set<string>();
    for (const pod of pods) {
      live.add(pod.metadata.uid ?? "");
      const node = nodes.get(nodeOf(pod));
      if (node) wrote = syncPod(ctx, pod, node, ipam) || wrote;
    }
    for (const memory of allMemories(ctx.api)) {
      if (live.has(memory.key)) continue;
      cleanUp(ctx, memory);
      wrote = true;
    }
    return wrote;
  },
};
