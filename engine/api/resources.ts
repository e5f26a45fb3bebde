/**
 * The resource types the simulated API server serves, as discovery would list them.
 * Every lookup of a type a learner typed (`po`, `pods`, `pod`, `deployments.apps`,
 * `Pod`) goes through {@link resolveResource}.
 */

export interface ResourceType {
  /** lower-case plural, the REST path segment: `pods` */
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  /** "" for the core group */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  /** the warning the API server sends with every request for a deprecated resource */
  readonly deprecation?: string;
}

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] as const;

function type(t: Omit<ResourceType, "verbs" | "categories" | "shortNames"> & Partial<Pick<ResourceType, "verbs" | "categories" | "shortNames">>): ResourceType {
  return { shortNames: [], categories: [], verbs: ALL_VERBS, ...t };
}

/** In `kubectl api-resources` order (sorted by group, then name). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  type({ plural: "configmaps", singular: "configmap", kind: "ConfigMap", group: "", version: "v1", namespaced: true, shortNames: ["cm"] }),
  type({ plural: "endpoints", singular: "endpoints", kind: "Endpoints", group: "", version: "v1", namespaced: true, shortNames: ["ep"], deprecation: "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice" }),
  type({ plural: "events", singular: "event", kind: "Event", group: "", version: "v1", namespaced: true, shortNames: ["ev"] }),
  type({ plural: "limitranges", singular: "limitrange", kind: "LimitRange", group: "", version: "v1", namespaced: true, shortNames: ["limits"] }),
  type({ plural: "namespaces", singular: "namespace", kind: "Namespace", group: "", version: "v1", namespaced: false, shortNames: ["ns"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] }),
  type({ plural: "nodes", singular: "node", kind: "Node", group: "", version: "v1", namespaced: false, shortNames: ["no"] }),
  type({ plural: "pods", singular: "pod", kind: "Pod", group: "", version: "v1", namespaced: true, shortNames: ["po"], categories: ["all"] }),
  type({ plural: "resourcequotas", singular: "resourcequota", kind: "ResourceQuota", group: "", version: "v1", namespaced: true, shortNames: ["quota"] }),
  type({ plural: "secrets", singular: "secret", kind: "Secret", group: "", version: "v1", namespaced: true }),
  type({ plural: "serviceaccounts", singular: "serviceaccount", kind: "ServiceAccount", group: "", version: "v1", namespaced: true, shortNames: ["sa"] }),
  type({ plural: "services", singular: "service", kind: "Service", group: "", version: "v1", namespaced: true, shortNames: ["svc"], categories: ["all"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] }),
  type({ plural: "daemonsets", singular: "daemonset", kind: "DaemonSet", group: "apps", version: "v1", namespaced: true, shortNames: ["ds"], categories: ["all"] }),
  type({ plural: "deployments", singular: "deployment", kind: "Deployment", group: "apps", version: "v1", namespaced: true, shortNames: ["deploy"], categories: ["all"] }),
  type({ plural: "replicasets", singular: "replicaset", kind: "ReplicaSet", group: "apps", version: "v1", namespaced: true, shortNames: ["rs"], categories: ["all"] }),
  type({ plural: "cronjobs", singular: "cronjob", kind: "CronJob", group: "batch", version: "v1", namespaced: true, shortNames: ["cj"], categories: ["all"] }),
  type({ plural: "jobs", singular: "job", kind: "Job", group: "batch", version: "v1", namespaced: true, categories: ["all"] }),
  type({ plural: "endpointslices", singular: "endpointslice", kind: "EndpointSlice", group: "discovery.k8s.io", version: "v1", namespaced: true }),
];

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `deployments.apps`, or `pods` for the core group: the name used in API error texts. */
export function qualifiedPlural(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** `deployment.apps`, or `pod`: the prefix of `-o name` output. */
export function qualifiedKind(t: ResourceType): string {
  const k = t.kind.toLowerCase();
  return t.group ? `${k}.${t.group}` : k;
}

const byKind = new Map(RESOURCE_TYPES.map((t) => [t.kind, t]));

export function resourceForKind(kind: string): ResourceType | undefined {
  return byKind.get(kind);
}

export function resourceForApiVersionKind(apiVersion: string, kind: string): ResourceType | undefined {
  const t = byKind.get(kind);
  return t && apiVersionOf(t) === apiVersion ? t : undefined;
}

/**
 * Resolve what a learner typed as a resource type, the way kubectl's RESTMapper does:
 * plural, singular, short name or kind, case-insensitive, optionally qualified with
 * `.version.group` or `.group` (`deployments.apps`, `deployments.v1.apps`).
 */
export function resolveResource(input: string): ResourceType | undefined {
  const lower = input.toLowerCase();
  const [head, ...rest] = lower.split(".");
  const qualifier = rest.join(".");
  for (const t of RESOURCE_TYPES) {
    const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    if (!names.includes(head)) continue;
    if (!qualifier) return t;
    if (qualifier === t.group || qualifier === `${t.version}.${t.group}` || (t.group === "" && qualifier === t.version)) return t;
  }
  return undefined;
}

/** The types `kubectl get all` expands to, in kubectl's order. */
export function resourcesInCategory(category: string): ResourceType[] {
  const order = ["pods", "services", "daemonsets", "deployments", "replicasets", "jobs", "cronjobs"];
  return RESOURCE_TYPES.filter((t) => t.categories.includes(category)).sort((a, b) => order.indexOf(a.plural) - order.indexOf(b.plural));
}
