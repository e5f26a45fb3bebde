/**
 * What a pod asks for in total (component-helpers' PodRequests and PodLimits, which the
 * LimitRanger's Pod limits and the pods quota both use), with exact quantities: regular
 * containers add up, sidecars (restartable init containers) add to them and run beside
 * every later init container, and each init container needs its room while it runs.
 */
import { addResourceLists, resourceListOf, type ResourceList } from "./resource-list";
import { compareQuantity, type Quantity } from "./resource-quantity";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** maxResourceList: each entry of `b` replaces a smaller (or missing) one of `a`. */
function maxLists(a: ResourceList, b: ResourceList): Map<string, Quantity> {
  const out = new Map(a);
  for (const [name, q] of b) {
    const mine = out.get(name);
    if (!mine || compareQuantity(q, mine) > 0) out.set(name, q);
  }
  return out;
}

const containers = (spec: Obj, key: string): Obj[] => (Array.isArray(spec[key]) ? (spec[key] as unknown[]).filter(isObj) : []);

/** A container's `resources.requests` or `resources.limits`. */
export function containerResources(c: Obj, which: "requests" | "limits"): Map<string, Quantity> {
  return resourceListOf(isObj(c.resources) ? c.resources[which] : undefined);
}

function podTotal(spec: Obj, which: "requests" | "limits"): Map<string, Quantity> {
  let total: Map<string, Quantity> = new Map();
  for (const c of containers(spec, "containers")) total = addResourceLists(total, containerResources(c, which));
  let sidecars: Map<string, Quantity> = new Map();
  let inits: Map<string, Quantity> = new Map();
  for (const c of containers(spec, "initContainers")) {
    const own = containerResources(c, which);
    if (c.restartPolicy === "Always") {
      total = addResourceLists(total, own);
      sidecars = addResourceLists(sidecars, own);
      inits = maxLists(inits, sidecars);
    } else {
      inits = maxLists(inits, addResourceLists(own, sidecars));
    }
  }
  return maxLists(total, inits);
}

export const podRequests = (spec: Obj): Map<string, Quantity> => podTotal(spec, "requests");
export const podLimits = (spec: Obj): Map<string, Quantity> => podTotal(spec, "limits");
