/**
 * The downward API: pod fields (fieldRef) and container resources (resourceFieldRef) as
 * text, for env values and downwardAPI volume files (pkg/fieldpath, pkg/api/v1/resource).
 */
import type { Container, ObjectFieldSelector, Pod, PodStatus, ResourceFieldSelector } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { parseQuantity } from "../../api/quantity";

/** fieldpath.FormatMap: `key="value"` lines in key order. */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify((m ?? {})[k])}`)
    .join("\n");
}

const SUBSCRIPT = /^metadata\.(labels|annotations)\['(.+)'\]$/;

/** The value of a fieldRef; undefined for a path the downward API does not offer. */
export function fieldRefValue(pod: Pod, status: Pick<PodStatus, "hostIP" | "hostIPs" | "podIP" | "podIPs">, ref: ObjectFieldSelector): string | undefined {
  const meta = pod.metadata ?? {};
  const sub = SUBSCRIPT.exec(ref.fieldPath);
  if (sub) return (sub[1] === "labels" ? meta.labels : meta.annotations)?.[sub[2]] ?? "";
  switch (ref.fieldPath) {
    case "metadata.name":
      return meta.name ?? "";
    case "metadata.namespace":
      return meta.namespace ?? "";
    case "metadata.uid":
      return meta.uid ?? "";
    case "metadata.labels":
      return formatMap(meta.labels);
    case "metadata.annotations":
      return formatMap(meta.annotations);
    case "spec.nodeName":
      return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec?.serviceAccountName ?? "";
    case "status.hostIP":
      return status.hostIP ?? "";
    case "status.hostIPs":
      return (status.hostIPs ?? []).map((i) => i.ip).join(",");
    case "status.podIP":
      return status.podIP ?? "";
    case "status.podIPs":
      return (status.podIPs ?? []).map((i) => i.ip).join(",");
    default:
      return undefined;
  }
}

/**
 * ExtractContainerResourceValue: a limit or request divided by the divisor, rounded up.
 * A limit the container does not set is the node's allocatable amount.
 */
export function resourceFieldValue(container: Container | undefined, ref: ResourceFieldSelector, node: KubeObject | undefined): string {
  const [kind, resource] = ref.resource.split(".");
  const set = kind === "limits" ? container?.resources?.limits : container?.resources?.requests;
  const allocatable = ((node?.status ?? {}) as { allocatable?: Record<string, string> }).allocatable ?? {};
  const raw = set?.[resource] ?? (kind === "limits" ? allocatable[resource] : undefined);
  const value = parseQuantity(raw) ?? 0;
  const divisor = parseQuantity(ref.divisor) || 1;
  return String(Math.ceil(value / divisor - 1e-9));
}
