/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation (kubectl
 * `pkg/util/apply.go`): the manifest as kubectl last applied it, encoded as compact JSON
 * with its other annotations (an empty `"annotations":{}` when it has none) and a
 * trailing newline. It is the "original" of apply's three-way merge.
 */
import { goEncode } from "./go-json";
import type { JsonMap } from "./smp-lists";
import { isMap } from "./smp-lists";

export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

function withAnnotations(obj: JsonMap, annotations: Record<string, unknown>): JsonMap {
  const metadata = isMap(obj.metadata) ? obj.metadata : {};
  return { ...obj, metadata: { ...metadata, annotations } };
}

function annotationsOf(obj: JsonMap): Record<string, unknown> {
  const metadata = isMap(obj.metadata) ? obj.metadata : {};
  return isMap(metadata.annotations) ? { ...metadata.annotations } : {};
}

/**
 * GetModifiedConfiguration: the object encoded without the annotation; with `annotate`,
 * the object carrying that encoding as the annotation, encoded again.
 */
export function modifiedConfiguration(obj: JsonMap, annotate: boolean): string {
  const annotations = annotationsOf(obj);
  delete annotations[LAST_APPLIED_ANNOTATION];
  const bare = goEncode(withAnnotations(obj, annotations));
  return annotate ? goEncode(withAnnotations(obj, { ...annotations, [LAST_APPLIED_ANNOTATION]: bare })) : bare;
}

/** CreateApplyAnnotation: the object with the annotation set to its own configuration. */
export function withApplyAnnotation(obj: JsonMap): JsonMap {
  const annotations = annotationsOf(obj);
  return withAnnotations(obj, { ...annotations, [LAST_APPLIED_ANNOTATION]: modifiedConfiguration(obj, false) });
}

/** GetOriginalConfiguration: the annotation's text, if the object has it. */
export function originalConfiguration(obj: JsonMap): string | undefined {
  const v = annotationsOf(obj)[LAST_APPLIED_ANNOTATION];
  return typeof v === "string" ? v : undefined;
}
