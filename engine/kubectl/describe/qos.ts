/** kubectl's qos.GetPodQOS: the stored class, or the class computed from cpu/memory requests and limits. */
import type { Pod, ResourceRequirements } from "kubernetes-types/core/v1";
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from "../../api/resource-quantity";

const QOS_RESOURCES = ["cpu", "memory"];

/** Pod-level resources (beta in 1.34) postdate the kubernetes-types package. */
type PodSpecResources = { resources?: ResourceRequirements };

function positive(list: Record<string, string> | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = parseQuantity(raw);
    if (QOS_RESOURCES.includes(name) && q && q.nanos > 0n) out.set(name, q);
  }
  return out;
}

function accumulate(into: Map<string, Quantity>, from: Map<string, Quantity>): void {
  for (const [name, q] of from) into.set(name, into.has(name) ? addQuantity(q, into.get(name) as Quantity) : q);
}

export function computePodQOS(pod: Pod): string {
  const podLevel = (pod.spec as PodSpecResources | undefined)?.resources;
  const units: (ResourceRequirements | undefined)[] = podLevel ? [podLevel] : [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.resources);
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const r of units) {
    accumulate(requests, positive(r?.requests));
    const found = positive(r?.limits);
    accumulate(limits, found);
    if (!QOS_RESOURCES.every((name) => found.has(name))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

export function podQOS(pod: Pod): string {
  return pod.status?.qosClass || computePodQOS(pod);
}
