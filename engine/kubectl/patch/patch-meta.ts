/**
 * What strategic merge patch needs to know about a field: its type, and the
 * `patchStrategy` / `patchMergeKey` struct tags of k8s.io/api. The types come from the
 * published schema; the tags, which the schema does not carry, are listed here for the
 * kinds the simulator serves.
 */
import { OPENAPI } from "../../api/openapi/schema";
import type { TypeExpr } from "../../api/openapi/type-expr";
import { parseTypeExpr } from "../../api/openapi/type-expr";

export type PatchStrategy = "" | "merge" | "replace";

export interface FieldPatchMeta {
  /** the field's type; undefined for a field the schema does not know (merged without strategies) */
  readonly type: TypeExpr | undefined;
  readonly strategy: PatchStrategy;
  readonly retainKeys: boolean;
  readonly mergeKey: string;
}

interface Tag {
  readonly strategy: PatchStrategy;
  readonly retainKeys?: boolean;
  readonly mergeKey?: string;
}

const merge = (mergeKey = ""): Tag => ({ strategy: "merge", mergeKey });

/** `patchStrategy`/`patchMergeKey` tags from k8s.io/api (core/v1, apps/v1, batch/v1, meta/v1). */
const TAGS: Readonly<Record<string, Readonly<Record<string, Tag>>>> = {
  ObjectMeta: { finalizers: merge(), ownerReferences: merge("uid") },
  PodSpec: {
    volumes: { strategy: "merge", retainKeys: true, mergeKey: "name" },
    initContainers: merge("name"),
    containers: merge("name"),
    ephemeralContainers: merge("name"),
    imagePullSecrets: merge("name"),
    hostAliases: merge("ip"),
    topologySpreadConstraints: merge("topologyKey"),
    schedulingGates: merge("name"),
    resourceClaims: { strategy: "merge", retainKeys: true, mergeKey: "name" },
  },
  Container: { ports: merge("containerPort"), env: merge("name"), volumeMounts: merge("mountPath"), volumeDevices: merge("devicePath") },
  EphemeralContainer: { ports: merge("containerPort"), env: merge("name"), volumeMounts: merge("mountPath"), volumeDevices: merge("devicePath") },
  PodStatus: { conditions: merge("type"), podIPs: merge("ip"), hostIPs: merge("ip"), resourceClaimStatuses: { strategy: "merge", retainKeys: true, mergeKey: "name" } },
  ServiceSpec: { ports: merge("port") },
  ServiceStatus: { conditions: merge("type") },
  ServiceAccount: { secrets: merge("name") },
  NodeSpec: { podCIDRs: merge() },
  NodeStatus: { conditions: merge("type"), addresses: merge("type") },
  NamespaceStatus: { conditions: merge("type") },
  DeploymentSpec: { strategy: { strategy: "", retainKeys: true } },
  DeploymentStatus: { conditions: merge("type") },
  ReplicaSetStatus: { conditions: merge("type") },
  DaemonSetStatus: { conditions: merge("type") },
  JobStatus: { conditions: merge("type") },
};

const NO_META: FieldPatchMeta = { type: undefined, strategy: "", retainKeys: false, mergeKey: "" };

/** The type of a kind's top-level object, where every lookup starts. */
export function kindType(kind: string): TypeExpr | undefined {
  return OPENAPI.types[kind] ? { kind: "named", name: kind } : undefined;
}

/** forkedjson.LookupPatchMetadata: a map's values share one type; a struct's fields are looked up by name. */
export function lookupPatchMeta(t: TypeExpr | undefined, key: string): FieldPatchMeta {
  if (!t) return NO_META;
  if (t.kind === "map") return { ...NO_META, type: t.of };
  if (t.kind !== "named") return NO_META;
  const fields = OPENAPI.types[t.name]?.fields;
  const field = fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
  if (!field) return NO_META;
  const tag = TAGS[t.name]?.[key];
  return { type: parseTypeExpr(field.type), strategy: tag?.strategy ?? "", retainKeys: tag?.retainKeys ?? false, mergeKey: tag?.mergeKey ?? "" };
}

/** The element type of a list type (`fieldType.Elem()`). */
export function elemType(t: TypeExpr | undefined): TypeExpr | undefined {
  return t && (t.kind === "array" || t.kind === "map") ? t.of : undefined;
}
