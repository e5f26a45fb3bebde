/**
 * Changing an object's labels or annotations the way `kubectl label` and `annotate` do:
 * the new map is computed on the client, and what changed is sent as a JSON merge patch
 * (`{"metadata":{"labels":{"a":"b","gone":null}}}`), carrying `resourceVersion` as a
 * precondition when `--resource-version` was given.
 */
import type { KubeObject } from "../../api/object";

export type MetadataField = "labels" | "annotations";

export interface MetadataEdit {
  readonly field: MetadataField;
  readonly set: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
  readonly resourceVersion: string;
}

/** The object with the edit made (labelFunc / updateAnnotations). */
export function editMetadata(object: KubeObject, edit: MetadataEdit): KubeObject {
  const values: Record<string, string> = { ...(object.metadata[edit.field] ?? {}) };
  for (const [k, v] of edit.set) values[k] = v;
  for (const k of edit.remove) delete values[k];
  const metadata = { ...object.metadata, [edit.field]: values };
  if (Object.keys(values).length === 0) delete metadata[edit.field];
  if (edit.resourceVersion) metadata.resourceVersion = edit.resourceVersion;
  return { ...object, metadata };
}

/** jsonpatch.CreateMergePatch between the old and the edited object, for the edited field. */
export function metadataMergePatch(before: KubeObject, after: KubeObject, field: MetadataField): Record<string, unknown> {
  const old = before.metadata[field] ?? {};
  const now = after.metadata[field] ?? {};
  const changes: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(now)) if (old[k] !== v) changes[k] = v;
  for (const k of Object.keys(old)) if (!Object.hasOwn(now, k)) changes[k] = null;
  const metadata: Record<string, unknown> = {};
  if (Object.keys(changes).length > 0) metadata[field] = before.metadata[field] === undefined ? now : changes;
  if (after.metadata.resourceVersion !== before.metadata.resourceVersion) metadata.resourceVersion = after.metadata.resourceVersion;
  return Object.keys(metadata).length > 0 ? { metadata } : {};
}
