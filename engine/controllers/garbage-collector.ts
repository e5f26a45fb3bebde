/**
 * The garbage collector: dependents go when their owner goes (background), or before
 * it (foreground, the `foregroundDeletion` finalizer), or are set free (the `orphan`
 * finalizer), as `kubectl delete --cascade` asks.
 */
import type { KubeObject } from "../api/object";
import type { ResourceType } from "../api/resources";
import { RESOURCE_TYPES } from "../api/resources";
import type { Controller, ControllerContext } from "./controller";

interface Entry {
  readonly type: ResourceType;
  readonly object: KubeObject;
}

function everything(ctx: ControllerContext): Entry[] {
  return RESOURCE_TYPES.filter((t) => t.plural !== "events").flatMap((type) => ctx.api.store.list(type.plural).map((object) => ({ type, object })));
}

function dependentsOf(all: readonly Entry[], owner: KubeObject): Entry[] {
  return all.filter((e) => (e.object.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid));
}

function dropFinalizer(ctx: ControllerContext, e: Entry, finalizer: string): void {
  const finalizers = (e.object.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const meta = { ...e.object.metadata, finalizers: finalizers.length ? finalizers : undefined };
  if (!finalizers.length) delete meta.finalizers;
  ctx.api.update(e.type, e.object.metadata.namespace, { ...e.object, metadata: meta }, { fieldValidation: "Ignore" });
}

export const garbageCollector: Controller = {
  name: "garbage-collector",
  reconcile(ctx) {
    const all = everything(ctx);
    const uids = new Set(all.map((e) => e.object.metadata.uid));
    let wrote = false;
    for (const e of all) {
      const meta = e.object.metadata;
      const finalizers = meta.finalizers ?? [];
      if (meta.deletionTimestamp && finalizers.includes("orphan")) {
        for (const d of dependentsOf(all, e.object)) {
          const refs = (d.object.metadata.ownerReferences ?? []).filter((r) => r.uid !== meta.uid);
          const dm = { ...d.object.metadata, ownerReferences: refs.length ? refs : undefined };
          if (!refs.length) delete dm.ownerReferences;
          ctx.api.update(d.type, d.object.metadata.namespace, { ...d.object, metadata: dm }, { fieldValidation: "Ignore" });
        }
        dropFinalizer(ctx, e, "orphan");
        wrote = true;
      } else if (meta.deletionTimestamp && finalizers.includes("foregroundDeletion")) {
        const deps = dependentsOf(all, e.object);
        for (const d of deps) {
          if (!d.object.metadata.deletionTimestamp) ctx.api.delete(d.type, d.object.metadata.namespace, d.object.metadata.name ?? "", { propagationPolicy: "Foreground" });
        }
        if (deps.length === 0) dropFinalizer(ctx, e, "foregroundDeletion");
        wrote = true;
      }
      const owners = meta.ownerReferences ?? [];
      const orphaned = owners.length > 0 && owners.every((r) => !uids.has(r.uid)) && e.type.plural !== "nodes";
      const mirrorPod = owners.some((r) => r.kind === "Node");
      if (orphaned && !mirrorPod && !meta.deletionTimestamp) {
        ctx.api.delete(e.type, meta.namespace, meta.name ?? "");
        wrote = true;
      }
    }
    return wrote;
  },
};
