/**
 * The kubelet of every node: first its node's status as its process comes and goes (see
 * node-status.ts), then, on the nodes whose kubelet runs and reaches its container runtime,
 * static pods from the manifest folder, the admission of pods new to the node, and a sync
 * of the pods that need one (written since, due, or with a container that exited), then
 * the clean-up of what the runtime still holds for pods that are gone (force-deleted, or
 * finished and deleted at once). A stopped kubelet leaves its pods as they were: their
 * containers run on, their status stands still. Which pods need a sync comes from the
 * kubelet's cache of the store, so a reconcile costs what changed.
 */
import type { KubeObject } from "../../api/object";
import type { Controller } from "../controller";
import { KubeletCache } from "./kubelet-cache";
import { agentState, syncsPods } from "./node-agent";
import { syncNodeStatus } from "./node-status";
import { peekMemory } from "./pod-memory";
import { awaitsAdmission, cleanUp, exitedWhileSettled, rejectPod, syncPod } from "./pod-sync";
import { syncStaticPods } from "./static-pods";

const nodeOf = (pod: KubeObject) => (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? "";

export const kubelet: Controller = {
  name: "kubelet",
  reconcile(ctx) {
    let wrote = false;
    const cache = KubeletCache.of(ctx.api.store);
    const nodes = new Map(ctx.api.store.list("nodes").map((n) => [n.metadata.name ?? "", n]));
    const working = new Map<string, KubeObject>();
    for (const [name, node] of nodes) {
      const agent = agentState(ctx.nodeFs(name), ctx.now());
      wrote = syncNodeStatus(ctx, node, agent, cache) || wrote;
      if (syncsPods(agent)) working.set(name, node);
    }
    for (const [name, node] of working) wrote = syncStaticPods(ctx, node, cache.mirrorsOn(name)) || wrote;
    const work = cache.work(ctx.now(), (pod) => working.has(nodeOf(pod)) && exitedWhileSettled(ctx, pod), ctx.runtime.inputCount());
    const ipam = cache.addresses.allocator(nodes, ctx.api.store);
    for (const pod of work) {
      const node = working.get(nodeOf(pod));
      if (!node) continue;
      if (awaitsAdmission(ctx, pod)) {
        const admitted = cache.podsOn(nodeOf(pod)).filter((p) => p.metadata.uid !== pod.metadata.uid && !awaitsAdmission(ctx, p));
        if (rejectPod(ctx, pod, node, admitted)) {
          wrote = true;
          continue;
        }
      }
      wrote = syncPod(ctx, pod, node, ipam) || wrote;
    }
    cache.addresses.close();
    for (const key of cache.takeOrphans()) {
      const memory = peekMemory(ctx.api, key);
      if (!memory || cache.has(key)) continue;
      cleanUp(ctx, memory);
      wrote = true;
    }
    return wrote;
  },
};
