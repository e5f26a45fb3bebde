/**
 * component-helpers resource.PodRequests / PodLimits as describe node uses them: containers
 * summed, sidecars (restartable init containers) added, regular init containers taking the
 * max, pod-level cpu/memory overriding, overhead added.
 */
import type { Container, Pod, ResourceRequirements } from "kubernetes-types/core/v1";
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from "../../api/resource-quantity";

export type ResourceList = Map<string, Quantity>;

const POD_LEVEL_RESOURCES = ["cpu", "memory"];

function toList(raw: Record<string, string> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, value] of Object.entries(raw ?? {})) {
    const q = parseQuantity(value);
    if (q) out.set(name, q);
  }
  return out;
}

export function addResourceList(list: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) {
    const current = list.get(name);
    list.set(name, current ? addQuantity(current, q) : q);
  }
}

function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const current = list.get(name);
    if (!current || compareQuantity(q, current) > 0) list.set(name, q);
  }
}

function aggregate(pod: Pod, pick: (c: Container) => Record<string, string> | undefined): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addResourceList(total, toList(pick(c)));
  const sidecars: ResourceList = new Map();
  const inits: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = toList(pick(c));
    if (c.restartPolicy === "Always") {
      addResourceList(total, own);
      addResourceList(sidecars, own);
      maxResourceList(inits, sidecars);
    } else {
      const withSidecars: ResourceList = new Map();
      addResourceList(withSidecars, own);
      addResourceList(withSidecars, sidecars);
      maxResourceList(inits, withSidecars);
    }
  }
  maxResourceList(total, inits);
  return total;
}

function podLevel(pod: Pod, pick: (r: ResourceRequirements) => Record<string, string> | undefined): ResourceList {
  const resources = (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources;
  const list = toList(resources ? pick(resources) : undefined);
  for (const name of [...list.keys()]) if (!POD_LEVEL_RESOURCES.includes(name)) list.delete(name);
  return list;
}

export function podRequests(pod: Pod): ResourceList {
  const reqs = aggregate(pod, (c) => c.resources?.requests);
  for (const [name, q] of podLevel(pod, (r) => r.requests)) reqs.set(name, q);
  addResourceList(reqs, toList(pod.spec?.overhead));
  return reqs;
}

export function podLimits(pod: Pod): ResourceList {
  const limits = aggregate(pod, (c) => c.resources?.limits);
  for (const [name, q] of podLevel(pod, (r) => r.limits)) limits.set(name, q);
  // Overhead only raises limits that are set: an unset limit stays unbounded.
  for (const [name, q] of toList(pod.spec?.overhead)) {
    const current = limits.get(name);
    if (current) limits.set(name, addQuantity(current, q));
  }
  return limits;
}
