/**
 * The kubelet, in its first form: a pod bound to a node starts at once, every container
 * Running and Ready, with the status, IPs and events a real kubelet reports; a pod being
 * deleted has its containers stopped and is removed a moment later.
 */
import { normalizedImage } from "../api/defaults/image";
import type { KubeObject } from "../api/object";
import { parseTimestamp, timestamp } from "../api/object";
import { resourceForKind } from "../api/resources";
import { randomHex } from "../random";
import type { Controller, ControllerContext } from "./controller";

type Obj = Record<string, unknown>;

/** A container stops about a second after SIGTERM when it handles the signal. */
const STOP_DELAY_MS = 1000;

/** A digest that depends only on the image name, so the same image always has the same id. */
export function imageDigest(image: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let out = "";
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${image}#${round}`) {
      h1 = Math.imul(h1 ^ ch.charCodeAt(0), 16777619) >>> 0;
      h2 = Math.imul(h2 + ch.charCodeAt(0), 2246822519) >>> 0;
    }
    out += h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
  }
  return out.slice(0, 64);
}

function nodeIP(node: KubeObject | undefined): string {
  const addrs = ((node?.status as Obj | undefined)?.addresses as { type: string; address: string }[] | undefined) ?? [];
  return addrs.find((a) => a.type === "InternalIP")?.address ?? "";
}

function allocatePodIP(ctx: ControllerContext, node: KubeObject | undefined): string {
  const cidr = String((node?.spec as Obj | undefined)?.podCIDR ?? "10.244.0.0/24");
  const prefix = cidr.split(".").slice(0, 3).join(".");
  const used = new Set(ctx.api.store.list("pods").map((p) => String((p.status as Obj | undefined)?.podIP ?? "")));
  for (let i = 2; i < 255; i++) if (!used.has(`${prefix}.${i}`)) return `${prefix}.${i}`;
  return `${prefix}.254`;
}

function condition(type: string, now: string, generation: number): Obj {
  return { lastProbeTime: null, lastTransitionTime: now, observedGeneration: generation, status: "True", type };
}

function containerStatus(ctx: ControllerContext, c: Obj, now: string): Obj {
  const image = String(c.image);
  const mounts = ((c.volumeMounts as Obj[] | undefined) ?? []).map((m) => ({ ...m, ...(m.readOnly ? { recursiveReadOnly: "Disabled" } : {}) }));
  const r = (c.resources ?? {}) as Obj;
  return {
    containerID: `containerd://${randomHex(ctx.random, 64)}`,
    image: normalizedImage(image),
    imageID: `${normalizedImage(image).replace(/[:@][^/]*$/, "")}@sha256:${imageDigest(normalizedImage(image))}`,
    lastState: {},
    name: c.name,
    ready: true,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: now } },
    ...(Object.keys(r).length ? { resources: r } : {}),
    ...(mounts.length ? { volumeMounts: mounts } : {}),
  };
}

function start(ctx: ControllerContext, pod: KubeObject): void {
  const spec = pod.spec as Obj;
  const nodeName = String(spec.nodeName);
  const node = ctx.api.store.get("nodes", undefined, nodeName);
  const now = timestamp(ctx.now());
  const gen = pod.metadata.generation ?? 1;
  const hostIP = nodeIP(node);
  const podIP = spec.hostNetwork === true ? hostIP : allocatePodIP(ctx, node);
  const containers = (spec.containers as Obj[]) ?? [];
  const inits = (spec.initContainers as Obj[] | undefined) ?? [];
  const scheduled = ((pod.status as Obj).conditions as Obj[] | undefined)?.find((c) => c.type === "PodScheduled");
  const status: Obj = {
    conditions: [
      condition("PodReadyToStartContainers", now, gen),
      condition("Initialized", now, gen),
      condition("Ready", now, gen),
      condition("ContainersReady", now, gen),
      scheduled ?? condition("PodScheduled", now, gen),
    ],
    containerStatuses: containers.map((c) => containerStatus(ctx, c, now)),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(inits.length
      ? {
          initContainerStatuses: inits.map((c) => {
            const s = containerStatus(ctx, c, now);
            return { ...s, ready: false, started: false, state: { terminated: { containerID: s.containerID, exitCode: 0, finishedAt: now, reason: "Completed", startedAt: now } } };
          }),
        }
      : {}),
    observedGeneration: gen,
    phase: "Running",
    podIP,
    podIPs: [{ ip: podIP }],
    qosClass: (pod.status as Obj).qosClass,
    startTime: now,
  };
  const pods = resourceForKind("Pod");
  if (!pods) return;
  const written = ctx.api.updateStatus(pods, { ...pod, status });
  if (!written.ok) return;
  const source = { component: "kubelet", host: nodeName };
  for (const [list, group] of [
    [inits, "initContainers"],
    [containers, "containers"],
  ] as const) {
    for (const c of list) {
      const fieldPath = `spec.${group}{${c.name}}`;
      const image = String(c.image);
      if (c.imagePullPolicy === "Always") {
        ctx.events.record(written.value, "Normal", "Pulling", `Pulling image "${image}"`, source, fieldPath);
        ctx.events.record(written.value, "Normal", "Pulled", `Successfully pulled image "${image}" in 1.2s (1.2s including waiting). Image size: 72080558 bytes.`, source, fieldPath);
      } else {
        ctx.events.record(written.value, "Normal", "Pulled", `Container image "${image}" already present on machine and can be accessed by the pod`, source, fieldPath);
      }
      ctx.events.record(written.value, "Normal", "Created", "Container created", source, fieldPath);
      ctx.events.record(written.value, "Normal", "Started", "Container started", source, fieldPath);
    }
  }
}

function stop(ctx: ControllerContext, pod: KubeObject): boolean {
  const deadline = parseTimestamp(pod.metadata.deletionTimestamp) ?? ctx.now();
  const grace = (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  const doneAt = Math.min(deadline, deadline - grace + STOP_DELAY_MS);
  const pods = resourceForKind("Pod");
  if (!pods) return false;
  if (ctx.now() >= doneAt) {
    ctx.api.finalize(pods, pod);
    return true;
  }
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  ctx.wakeAt(doneAt, key);
  const status = pod.status as Obj;
  const killing = ctx.api.store
    .list("events", pod.metadata.namespace)
    .some((e) => e.reason === "Killing" && (e.involvedObject as Obj).uid === pod.metadata.uid);
  if (status.phase !== "Running" || killing) return false;
  const source = { component: "kubelet", host: String((pod.spec as Obj).nodeName) };
  for (const c of ((pod.spec as Obj).containers as Obj[]) ?? []) {
    ctx.events.record(pod, "Normal", "Killing", `Stopping container ${c.name}`, source, `spec.containers{${c.name}}`);
  }
  return true;
}

export const kubelet: Controller = {
  name: "kubelet",
  reconcile(ctx) {
    let wrote = false;
    for (const pod of ctx.api.store.list("pods")) {
      const spec = pod.spec as Obj;
      if (!spec.nodeName) continue;
      if (pod.metadata.deletionTimestamp) {
        wrote = stop(ctx, pod) || wrote;
        continue;
      }
      if ((pod.status as Obj | undefined)?.phase === "Pending" && !(pod.status as Obj).containerStatuses) {
        start(ctx, pod);
        wrote = true;
      }
    }
    return wrote;
  },
};
