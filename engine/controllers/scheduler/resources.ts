/**
 * framework.Resource and component-helpers' PodRequests: what a pod asks of a node. CPU is
 * kept in millicores and everything else in whole units, rounded up as Quantity.MilliValue
 * and Quantity.Value do. Regular containers add up, sidecars (restartable init containers)
 * add to them and run beside every later init container, each init container needs the
 * room while it runs alone, pod-level cpu/memory replace the containers' sum, and the
 * RuntimeClass overhead is added last.
 */
import type { Container, Pod, ResourceRequirements } from "kubernetes-types/core/v1";
import { parseQuantity } from "../../api/quantity";

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** allocatable `pods`; zero on a pod's requests */
  allowedPodNumber: number;
  /** hugepages and extended resources */
  scalar: Record<string, number>;
}

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring assumes a container without requests uses. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: {} };
}

/** Go rounds quantities up to whole units; a product like 0.1 × 1000 must not become 101. */
function roundUp(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-6 ? r : Math.ceil(x);
}

const isScalar = (name: string) => name.startsWith("hugepages-") || name.includes("/");

/** A ResourceList as numbers: cpu in millicores, the rest in units. Malformed values count as zero. */
type List = Map<string, number>;

function listOf(raw: Readonly<Record<string, string>> | undefined): List {
  const out: List = new Map();
  for (const [name, value] of Object.entries(raw ?? {})) {
    const q = parseQuantity(value) ?? 0;
    out.set(name, roundUp(name === "cpu" ? q * 1000 : q));
  }
  return out;
}

function add(into: List, other: List): void {
  for (const [k, v] of other) into.set(k, (into.get(k) ?? 0) + v);
}

function max(into: List, other: List): void {
  for (const [k, v] of other) into.set(k, Math.max(into.get(k) ?? 0, v));
}

function aggregate(pod: Pod, requestsOf: (c: Container) => List): List {
  const total: List = new Map();
  for (const c of pod.spec?.containers ?? []) add(total, requestsOf(c));
  const sidecars: List = new Map();
  const inits: List = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = requestsOf(c);
    if (c.restartPolicy === "Always") {
      add(total, own);
      add(sidecars, own);
      max(inits, sidecars);
    } else {
      const whileRunning: List = new Map(own);
      add(whileRunning, sidecars);
      max(inits, whileRunning);
    }
  }
  max(total, inits);
  return total;
}

function podLevel(pod: Pod): List {
  const resources = (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources;
  const list = listOf(resources?.requests);
  for (const name of [...list.keys()]) if (name !== "cpu" && name !== "memory") list.delete(name);
  return list;
}

function toResources(list: List): Resources {
  const r = emptyResources();
  for (const [name, v] of list) {
    if (name === "cpu") r.milliCPU = v;
    else if (name === "memory") r.memory = v;
    else if (name === "ephemeral-storage") r.ephemeralStorage = v;
    else if (name === "pods") r.allowedPodNumber = v;
    else if (isScalar(name)) r.scalar[name] = v;
  }
  return r;
}

/** resource.PodRequests: the pod's effective requests. */
export function podRequests(pod: Pod): Resources {
  const list = aggregate(pod, (c) => listOf(c.resources?.requests));
  for (const [name, v] of podLevel(pod)) list.set(name, v);
  add(list, listOf(pod.spec?.overhead));
  list.delete("pods");
  return toResources(list);
}

/** The same with NonMissingContainerRequests: a container that asks no cpu or memory counts as 100m / 200Mi. */
export function nonZeroRequests(pod: Pod): { milliCPU: number; memory: number } {
  const podLevelSet = podLevel(pod);
  const withDefaults = (c: Container): List => {
    const own = listOf(c.resources?.requests);
    if (podLevelSet.size === 0) {
      if (!own.has("cpu")) own.set("cpu", DEFAULT_MILLI_CPU_REQUEST);
      if (!own.has("memory")) own.set("memory", DEFAULT_MEMORY_REQUEST);
    }
    return own;
  };
  const list = aggregate(pod, withDefaults);
  for (const [name, v] of podLevelSet) list.set(name, v);
  for (const [name, fallback] of [["cpu", DEFAULT_MILLI_CPU_REQUEST], ["memory", DEFAULT_MEMORY_REQUEST]] as const) {
    if (!list.has(name)) list.set(name, fallback);
  }
  add(list, listOf(pod.spec?.overhead));
  return { milliCPU: list.get("cpu") ?? 0, memory: list.get("memory") ?? 0 };
}

/** A node's allocatable (NodeInfo.Allocatable). */
export function allocatableOf(raw: Readonly<Record<string, string>> | undefined): Resources {
  return toResources(listOf(raw));
}

export function addResources(into: Resources, r: Resources): void {
  into.milliCPU += r.milliCPU;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  for (const k in r.scalar) into.scalar[k] = (into.scalar[k] ?? 0) + r.scalar[k];
}
