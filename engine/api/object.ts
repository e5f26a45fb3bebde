/**
 * Objects are plain JSON values, exactly what `-o json` would print (before managedFields
 * are hidden). The store never hands out a value it will later mutate: writes replace
 * objects, so readers may keep references.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: Json[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export function isKubeObject(v: unknown): v is KubeObject {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as KubeObject).kind === "string" && typeof (v as KubeObject).metadata === "object";
}

/** A deep copy of a JSON value: how objects cross the API boundary in both directions. */
export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** RFC 3339 at second precision, as the API server stores timestamps. */
export function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function parseTimestamp(ts: string | undefined): number | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}
