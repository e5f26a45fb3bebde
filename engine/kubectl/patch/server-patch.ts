/**
 * The API server's PATCH endpoint (apiserver `endpoints/handlers/patch.go`), on top of
 * the simulated server's get and update: the patch is applied to the stored object as a
 * JSON patch, a JSON merge patch or a strategic merge patch; unknown fields fail the
 * request (Strict) or become warnings and are dropped (Warn, the default when kubectl does
 * not ask); the result is then validated and stored as an update would be.
 */
import type { StatusError } from "../../api/errors";
import { badRequest } from "../../api/errors";
import { fieldError } from "../../api/field-errors";
import type { KubeObject } from "../../api/object";
import { unknownFields } from "../../api/openapi/schema";
import type { ResourceType } from "../../api/resources";
import type { ApiServer } from "../../api/server";
import { goSprint } from "../printers/jsonpath";
import type { Failure } from "./failure";
import { invalidRequest, unknownStatus, unprocessable } from "./failure";
import { goEncode } from "./go-json";
import { applyJsonPatch, decodeJsonPatch } from "./json-patch";
import { jsonMergePatch } from "./json-merge-patch";
import { kindType } from "./patch-meta";
import type { SmpError } from "./smp-errors";
import { isMap } from "./smp-lists";
import { strategicMergePatch } from "./strategic-merge";
import { dropUnknownFields } from "../../api/openapi/drop-unknown-fields";

export type PatchType = "json" | "merge" | "strategic";

export interface ServerPatchOptions {
  readonly dryRun?: boolean;
  /** kubectl patch sends none, which the server takes as Warn; apply and edit send Strict */
  readonly fieldValidation?: "Strict" | "Warn";
}

export interface Patched {
  /** the object as stored (or as it would be, in a dry run) */
  readonly object: KubeObject;
  /** the object before the patch */
  readonly before: KubeObject;
  readonly warnings: readonly string[];
}

export type ServerPatchResult = { ok: true; value: Patched } | { ok: false; error: Failure };

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  return typeof v === "boolean" ? "bool" : typeof v;
}

/** interpretStrategicMergePatchError. */
function smpFailure(e: SmpError): Failure {
  if (e.class === "bad-request") return badRequest(e.message);
  if (e.class === "invalid") return unprocessable();
  return unknownStatus(e.message);
}

type Applied = { ok: true; value: Record<string, unknown>; shown: string } | { ok: false; error: Failure };

function applyPatch(current: KubeObject, patchType: PatchType, patch: unknown): Applied {
  const doc = structuredClone(current) as Record<string, unknown>;
  switch (patchType) {
    case "json": {
      if (!Array.isArray(patch)) return { ok: false, error: badRequest(`error decoding patch: json: cannot unmarshal ${jsonKind(patch)} into Go value of type []handlers.jsonPatchOp`) };
      const ops = decodeJsonPatch(patch);
      if (!ops.ok) return { ok: false, error: badRequest(ops.error) };
      const r = applyJsonPatch(doc, ops.value);
      if (!r.ok) return { ok: false, error: unprocessable() };
      return { ok: true, value: r.value, shown: goEncode(r.value) };
    }
    case "merge": {
      if (!isMap(patch)) return { ok: false, error: badRequest(`error decoding patch: json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`) };
      return { ok: true, value: jsonMergePatch(doc, patch) as Record<string, unknown>, shown: goSprint(patch) };
    }
    case "strategic": {
      if (!isMap(patch)) return { ok: false, error: badRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`) };
      const r = strategicMergePatch(doc, patch, kindType(current.kind));
      if (!r.ok) return { ok: false, error: smpFailure(r.error) };
      return { ok: true, value: r.value, shown: goSprint(patch) };
    }
  }
}

/**
 * The patched map as decoding it into the Go struct leaves it: keys carry no order, so
 * they follow the stored object's (an unchanged field compares equal however the patch
 * wrote it), and empty labels and annotations maps are dropped as `omitempty` drops them.
 */
function decoded(object: Record<string, unknown>, stored: unknown): Record<string, unknown> {
  const align = (v: unknown, like: unknown): unknown => {
    if (Array.isArray(v)) return v.map((e, i) => align(e, Array.isArray(like) ? like[i] : undefined));
    if (!isMap(v)) return v;
    const order = isMap(like) ? Object.keys(like).filter((k) => Object.hasOwn(v, k)) : [];
    const keys = [...order, ...Object.keys(v).filter((k) => !order.includes(k))];
    return Object.fromEntries(keys.map((k) => [k, align(v[k], isMap(like) ? like[k] : undefined)]));
  };
  const out = align(object, stored) as Record<string, unknown>;
  const meta = isMap(out.metadata) ? out.metadata : undefined;
  for (const field of ["labels", "annotations"]) {
    if (meta && isMap(meta[field]) && Object.keys(meta[field] as object).length === 0) delete meta[field];
  }
  return out;
}

/** PATCH `<type>/<name>`: the stored result, or the server's error. */
export function serverPatch(api: ApiServer, type: ResourceType, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, opts: ServerPatchOptions = {}): ServerPatchResult {
  const current = api.get(type, namespace, name);
  if (!current.ok) return current;
  const applied = applyPatch(current.value, patchType, patch);
  if (!applied.ok) return applied;
  let object = applied.value;
  const warnings: string[] = [];
  const unknown = unknownFields(type.kind, object);
  if (unknown.length > 0) {
    const text = unknown.map((f) => `unknown field "${f}"`);
    if (opts.fieldValidation === "Strict") {
      return { ok: false, error: invalidRequest([fieldError.invalid("patch", applied.shown, `strict decoding error: ${text.join(", ")}`)]) };
    }
    warnings.push(...text);
    object = dropUnknownFields(type.kind, object);
  }
  const meta = isMap(object.metadata) ? object.metadata : {};
  if (meta.name !== name) {
    return { ok: false, error: badRequest(`the name of the object (${String(meta.name ?? "")}) does not match the name on the URL (${name})`) };
  }
  const updated = api.update(type, namespace, decoded(object, current.value), { dryRun: opts.dryRun, fieldValidation: "Ignore" });
  if (!updated.ok) return { ok: false, error: updated.error satisfies StatusError };
  return { ok: true, value: { object: updated.value.object, before: current.value, warnings: [...warnings, ...updated.value.warnings] } };
}
