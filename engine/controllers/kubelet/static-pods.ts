/**
 * Static pods (pkg/kubelet/config/file.go, mirror_client.go): each manifest in a node's
 * /etc/kubernetes/manifests is a pod the kubelet runs on its own, shown through a mirror
 * pod named `<name>-<node>`. A removed or edited file stops (and replaces) it; a deleted
 * mirror pod comes straight back with the same containers.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { resourceForKind } from "../../api/resources";
import type { ControllerContext } from "../controller";
import { configHash, manifestPod } from "./manifest-cache";
import { forgetMemory, loadMemory, saveMemory } from "./pod-memory";

export const MANIFEST_DIR = "/etc/kubernetes/manifests";
export const CONFIG_MIRROR = "kubernetes.io/config.mirror";
const CONFIG_HASH = "kubernetes.io/config.hash";
const CONFIG_SEEN = "kubernetes.io/config.seen";
const CONFIG_SOURCE = "kubernetes.io/config.source";

interface Desired {
  readonly namespace: string;
  readonly name: string;
  readonly hash: string;
  readonly manifest: Pod;
}

/** The pods a node's manifest folder asks for; files that are hidden or not a Pod are skipped, as the kubelet logs and skips them. */
function desiredPods(ctx: ControllerContext, node: string): Desired[] {
  const fs = ctx.nodeFs(node);
  const names = fs?.readdir(MANIFEST_DIR);
  if (!fs || !Array.isArray(names)) return [];
  const out: Desired[] = [];
  for (const file of names) {
    if (file.startsWith(".")) continue;
    const path = `${MANIFEST_DIR}/${file}`;
    const text = fs.readFile(path);
    const parsed = text === undefined ? undefined : manifestPod(text);
    if (!parsed) continue;
    const manifest = parsed.pod;
    out.push({
      namespace: manifest.metadata?.namespace ?? "default",
      name: `${manifest.metadata?.name}-${node.toLowerCase()}`,
      hash: configHash(parsed, node, path),
      manifest,
    });
  }
  return out;
}

/** config.seen is RFC3339Nano: fractional seconds without trailing zeros. */
function seen(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0*Z$/, "Z");
}

function mirrorObject(d: Desired, node: KubeObject, seenAt: string): Record<string, unknown> {
  const m = d.manifest;
  const spec = structuredClone(m.spec ?? { containers: [] });
  spec.nodeName = node.metadata.name;
  const tolerations = spec.tolerations ?? [];
  if (!tolerations.some((t) => t.operator === "Exists" && !t.key && t.effect === "NoExecute")) tolerations.push({ effect: "NoExecute", operator: "Exists" });
  spec.tolerations = tolerations;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...structuredClone(m.metadata ?? {}),
      name: d.name,
      namespace: d.namespace,
      annotations: { ...(m.metadata?.annotations ?? {}), [CONFIG_HASH]: d.hash, [CONFIG_MIRROR]: d.hash, [CONFIG_SEEN]: seenAt, [CONFIG_SOURCE]: "file" },
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node.metadata.name ?? "", uid: node.metadata.uid ?? "", controller: true }],
    },
    spec,
  };
}

/** A mirror pod deleted through the API while its file stays: a new mirror with the running pod's status and memory. */
function recreate(ctx: ControllerContext, old: KubeObject, d: Desired, node: KubeObject): void {
  const pods = resourceForKind("Pod");
  if (!pods) return;
  ctx.api.finalize(pods, old);
  const created = ctx.api.create(pods, d.namespace, mirrorObject(d, node, old.metadata.annotations?.[CONFIG_SEEN] ?? seen(ctx.now())), { fieldValidation: "Ignore" });
  if (!created.ok) return;
  const fresh = created.value.object;
  if (old.status) ctx.api.updateStatus(pods, { ...fresh, status: old.status });
  const memory = loadMemory(ctx.api, old.metadata.uid ?? "");
  if (memory) {
    forgetMemory(ctx.api, old.metadata.uid ?? "");
    saveMemory(ctx.api, { ...memory, key: fresh.metadata.uid ?? "" });
  }
}

/** The pod of that name if it is bound to `node`. */
function podOnNode(ctx: ControllerContext, node: string, namespace: string, name: string): KubeObject | undefined {
  const pod = ctx.api.store.get("pods", namespace, name);
  return (pod?.spec as { nodeName?: string } | undefined)?.nodeName === node ? pod : undefined;
}

/**
 * Brings the mirror pods of one node in line with its manifest folder; true if it wrote.
 * `mirrors`: the pods bound to the node that carry the config.mirror annotation, in the store's order.
 */
export function syncStaticPods(ctx: ControllerContext, node: KubeObject, mirrors: readonly KubeObject[]): boolean {
  const nodeName = node.metadata.name ?? "";
  const pods = resourceForKind("Pod");
  if (!pods || !ctx.nodeFs(nodeName)) return false;
  const desired = desiredPods(ctx, nodeName);
  const wanted = new Map(desired.map((d) => [`${d.namespace}/${d.name}`, d]));
  let wrote = false;
  // as they were before this sync changed any of them
  const existing = new Map(desired.map((d) => [`${d.namespace}/${d.name}`, podOnNode(ctx, nodeName, d.namespace, d.name)]));
  for (const p of mirrors) {
    const hash = p.metadata.annotations?.[CONFIG_MIRROR];
    if (hash === undefined) continue;
    const d = wanted.get(`${p.metadata.namespace}/${p.metadata.name}`);
    if (d && d.hash === hash) {
      if (p.metadata.deletionTimestamp) {
        recreate(ctx, p, d, node);
        wrote = true;
      }
    } else if (!p.metadata.deletionTimestamp) {
      wrote = ctx.api.delete(pods, p.metadata.namespace, p.metadata.name ?? "").ok || wrote;
    }
  }
  for (const d of desired) {
    const current = existing.get(`${d.namespace}/${d.name}`);
    if (!current) {
      wrote = ctx.api.create(pods, d.namespace, mirrorObject(d, node, seen(ctx.now())), { fieldValidation: "Ignore" }).ok || wrote;
    } else if (current.metadata.annotations?.[CONFIG_MIRROR] === undefined && current.metadata.annotations?.[CONFIG_SOURCE] === "file") {
      // a control-plane pod the cluster started with: its file now speaks for it
      const annotations = { ...current.metadata.annotations, [CONFIG_HASH]: d.hash, [CONFIG_MIRROR]: d.hash };
      wrote = ctx.api.update(pods, d.namespace, { ...current, metadata: { ...current.metadata, annotations } }, { fieldValidation: "Ignore" }).ok || wrote;
    }
  }
  return wrote;
}
