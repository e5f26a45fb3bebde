/**
 * What `kubectl apply` does with one object (apply.go applyOneObject, patcher.go): create
 * it with the last-applied-configuration annotation when it does not exist; otherwise send
 * the three-way strategic merge patch between the annotation, the manifest and the live
 * object, or nothing when that patch is empty (`unchanged`). With `--force`, a patch the
 * server refuses as Invalid or Conflict becomes a delete and a create.
 */
import type { ResourceType } from "../../api/resources";
import type { KubeObject } from "../../api/object";
import type { KubectlEnv } from "../command";
import type { DryRunStrategy } from "../printers/name";
import { goQuote } from "../printers/jsonpath";
import type { Failure } from "./failure";
import { addSource } from "./failure";
import { goMarshal } from "./go-json";
import { pruneNulls } from "./json-merge-patch";
import { LAST_APPLIED_ANNOTATION, modifiedConfiguration, originalConfiguration, withApplyAnnotation } from "./last-applied";
import { kindType } from "./patch-meta";
import { serverPatch } from "./server-patch";
import type { JsonMap } from "./smp-lists";
import { createThreeWayMergePatch } from "./strategic-diff";

export type ApplyOperation = "created" | "configured" | "unchanged" | "serverside-applied";

export interface ApplyRequest {
  readonly type: ResourceType;
  /** the manifest, its namespace already defaulted */
  readonly object: KubeObject;
  readonly source: string;
  readonly dryRun: DryRunStrategy;
  readonly validation: "Strict" | "Warn" | "Ignore";
  readonly serverSide: boolean;
  readonly force: boolean;
  /** for --force: the delete's grace period, negative for the object's own */
  readonly gracePeriod: number;
  /** the command's name in warnings (`kubectl`) */
  readonly baseName: string;
  /** prints a server or kubectl warning (without the `Warning: ` prefix) as it happens */
  readonly warn: (text: string) => void;
}

export type ApplyOutcome = { ok: true; value: { object: KubeObject; operation: ApplyOperation } } | { ok: false; error: Failure };

/** resource.Info's String(): how apply names the object in its patch errors. */
function infoString(type: ResourceType, name: string, namespace: string): string {
  const gv = `${type.group}/${type.version}`;
  return `Resource: ${goQuote(`${gv}, Resource=${type.plural}`)}, GroupVersionKind: ${goQuote(`${gv}, Kind=${type.kind}`)}\nName: ${goQuote(name)}, Namespace: ${goQuote(namespace)}`;
}

const writeOptions = (req: ApplyRequest) => ({ dryRun: req.dryRun === "server", fieldValidation: req.validation });

function create(env: KubectlEnv, req: ApplyRequest, object: KubeObject): ApplyOutcome {
  if (req.dryRun === "client") return { ok: true, value: { object, operation: "created" } };
  const created = env.api.create(req.type, object.metadata.namespace, object, writeOptions(req));
  if (!created.ok) return { ok: false, error: addSource(created.error, "creating", req.source) };
  for (const w of created.value.warnings) req.warn(w);
  return { ok: true, value: { object: created.value.object, operation: "created" } };
}

/** patcher.deleteAndCreate: what `apply --force` does when the server refuses the patch. */
async function deleteAndCreate(env: KubectlEnv, req: ApplyRequest, modified: JsonMap): Promise<ApplyOutcome> {
  const { name = "", namespace } = req.object.metadata;
  const deleted = env.api.delete(req.type, namespace, name, { gracePeriodSeconds: req.gracePeriod >= 0 ? req.gracePeriod : undefined });
  if (!deleted.ok) return { ok: false, error: deleted.error };
  while (env.api.get(req.type, namespace, name).ok) await env.sleep(1000);
  const created = env.api.create(req.type, namespace, modified, { fieldValidation: req.validation });
  if (!created.ok) return { ok: false, error: created.error };
  return { ok: true, value: { object: created.value.object, operation: "configured" } };
}

function serverSideApply(env: KubectlEnv, req: ApplyRequest): ApplyOutcome {
  const { name = "", namespace } = req.object.metadata;
  const current = env.api.get(req.type, namespace, name);
  if (!current.ok) {
    const created = env.api.create(req.type, namespace, req.object, writeOptions(req));
    if (!created.ok) return { ok: false, error: addSource(created.error, "serverside-apply", req.source) };
    return { ok: true, value: { object: created.value.object, operation: "serverside-applied" } };
  }
  const patched = serverPatch(env.api, req.type, namespace, name, "strategic", pruneNulls(req.object), { dryRun: req.dryRun === "server", fieldValidation: req.validation === "Strict" ? "Strict" : "Warn" });
  if (!patched.ok) return { ok: false, error: addSource(patched.error, "serverside-apply", req.source) };
  for (const w of patched.value.warnings) req.warn(w);
  return { ok: true, value: { object: patched.value.object, operation: "serverside-applied" } };
}

export async function applyObject(env: KubectlEnv, req: ApplyRequest): Promise<ApplyOutcome> {
  const { name = "", namespace = "" } = req.object.metadata;
  if (!name) {
    const generated = req.object.metadata.generateName;
    if (generated) return { ok: false, error: `from ${generated}: cannot use generate name with apply` };
    return { ok: false, error: addSource("resource name may not be empty", `retrieving current configuration of:\n${infoString(req.type, name, namespace)}\nfrom server for:`, req.source) };
  }
  if (req.serverSide) return serverSideApply(env, req);
  const manifest = req.object as unknown as JsonMap;
  const modifiedText = modifiedConfiguration(manifest, true);
  const current = env.api.get(req.type, req.object.metadata.namespace, name);
  if (!current.ok) {
    if (current.error.reason !== "NotFound") return { ok: false, error: addSource(current.error, `retrieving current configuration of:\n${infoString(req.type, name, namespace)}\nfrom server for:`, req.source) };
    return create(env, req, pruneNulls(withApplyAnnotation(manifest)) as KubeObject);
  }
  if (req.dryRun === "client") return { ok: true, value: { object: current.value, operation: "configured" } };
  const live = current.value as unknown as JsonMap;
  if (originalConfiguration(live) === undefined) {
    req.warn(
      `resource ${req.type.plural}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by ${req.baseName} apply. ${req.baseName} apply should only be used on resources created declaratively by either ${req.baseName} create --save-config or ${req.baseName} apply. The missing annotation will be patched automatically.`,
    );
  }
  const modified = JSON.parse(modifiedText) as JsonMap;
  const originalText = originalConfiguration(live);
  const original = originalText ? (JSON.parse(originalText) as JsonMap) : undefined;
  const patch = createThreeWayMergePatch(original, modified, live, kindType(req.type.kind));
  if (!patch.ok) return { ok: false, error: patch.error.message };
  const patchText = goMarshal(patch.value);
  if (patchText === "{}") return { ok: true, value: { object: current.value, operation: "unchanged" } };
  const patched = serverPatch(env.api, req.type, req.object.metadata.namespace, name, "strategic", patch.value, {
    dryRun: req.dryRun === "server",
    fieldValidation: req.validation === "Strict" ? "Strict" : "Warn",
  });
  if (!patched.ok) {
    const e = patched.error;
    if (req.force && typeof e !== "string" && (e.reason === "Invalid" || e.reason === "Conflict")) return deleteAndCreate(env, req, modified);
    const wrapped = addSource(addSource(e, "patching", req.source), `applying patch:\n${patchText}\nto:\n${infoString(req.type, name, namespace)}\nfor:`, req.source);
    return { ok: false, error: wrapped };
  }
  for (const w of patched.value.warnings) req.warn(w);
  if (patched.value.object.metadata.deletionTimestamp) req.warn(`Detected changes to resource ${name} which is currently being deleted.`);
  return { ok: true, value: { object: patched.value.object, operation: "configured" } };
}
