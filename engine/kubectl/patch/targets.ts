/**
 * The objects a verb that changes existing objects works on, found the way cli-runtime's
 * resource builder finds them: `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l SELECTOR`,
 * `TYPE --all`, or `-f FILE|DIR|-` (each object fetched fresh from the server). Objects
 * that cannot be found are reported while the others are still worked on
 * (ContinueOnError), so the result carries both.
 */
import type { KubeObject } from "../../api/object";
import type { ResourceType } from "../../api/resources";
import type { KubectlEnv } from "../command";
import { manifestType, readManifests } from "../manifests";
import { resolveResourceArgs } from "../resource-args";
import type { Failure } from "./failure";

export interface Target {
  readonly type: ResourceType;
  /** the object as the server has it now, or as the file holds it when `fetch` is off */
  readonly object: KubeObject;
  /** the file it was named in, "" for arguments */
  readonly source: string;
}

export interface TargetQuery {
  readonly args: readonly string[];
  readonly filenames?: readonly string[];
  readonly recursive?: boolean;
  readonly selector?: string;
  readonly fieldSelector?: string;
  readonly all?: boolean;
  readonly allNamespaces?: boolean;
  /** fetch objects named in files from the server (Latest); off for verbs that only need names */
  readonly fetch?: boolean;
}

export interface Targets {
  readonly targets: readonly Target[];
  /** objects that could not be fetched, reported after the others are done */
  readonly errors: readonly Failure[];
  /** exactly one object was named (IntoSingleItemImplied) */
  readonly single: boolean;
}

export type TargetsResult = { ok: true; value: Targets } | { ok: false; error: Failure };

export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

function fromFiles(env: KubectlEnv, q: TargetQuery): TargetsResult {
  const files = q.filenames ?? [];
  const read = readManifests(files, env.fs, env.cwd, env.stdin, q.recursive ?? false);
  if (!read.ok) return { ok: false, error: read.error };
  const targets: Target[] = [];
  const errors: Failure[] = [];
  for (const m of read.value) {
    const meta = (m.object.metadata ?? {}) as Record<string, unknown>;
    const mapped = manifestType(m);
    if (!mapped.ok) return mapped;
    const type = mapped.value;
    const given = typeof meta.namespace === "string" ? meta.namespace : "";
    if (type.namespaced && env.explicitNamespace && given && given !== env.namespace) {
      return { ok: false, error: `error: the namespace from the provided object "${given}" does not match the namespace "${env.namespace}". You must pass '--namespace=${given}' to perform this operation.` };
    }
    const namespace = type.namespaced ? given || env.namespace : undefined;
    const name = String(meta.name ?? "");
    if (q.fetch === false) {
      const object = structuredClone(m.object) as KubeObject;
      if (namespace) object.metadata = { ...object.metadata, namespace };
      targets.push({ type, object, source: m.source });
      continue;
    }
    const got = env.api.get(type, namespace, name);
    if (got.ok) targets.push({ type, object: got.value, source: m.source });
    else errors.push(got.error);
  }
  return { ok: true, value: { targets, errors, single: files.length === 1 && files[0] !== "-" && targets.length + errors.length === 1 } };
}

function fromArgs(env: KubectlEnv, q: TargetQuery): TargetsResult {
  const parsed = resolveResourceArgs(q.args);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const selector = q.selector ?? "";
  const fieldSelector = q.fieldSelector ?? "";
  const namespace = q.allNamespaces ? undefined : env.namespace;
  if (parsed.value.kind === "types") {
    const types = parsed.value.types;
    if (types.length === 0) return { ok: false, error: selector || fieldSelector ? "at least one resource must be specified to use a selector" : MISSING_RESOURCE };
    if (!selector && !fieldSelector && !q.all) return { ok: false, error: "resource(s) were provided, but no name was specified" };
    const targets: Target[] = [];
    for (const type of types) {
      const listed = env.api.list(type, type.namespaced ? namespace : undefined, { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined });
      if (!listed.ok) return { ok: false, error: listed.error };
      targets.push(...listed.value.map((object) => ({ type, object, source: "" })));
    }
    return { ok: true, value: { targets, errors: [], single: false } };
  }
  if (selector || fieldSelector) return { ok: false, error: "name cannot be provided when a selector is specified" };
  const targets: Target[] = [];
  const errors: Failure[] = [];
  for (const ref of parsed.value.refs) {
    const got = env.api.get(ref.type, env.namespace, ref.name);
    if (got.ok) targets.push({ type: ref.type, object: got.value, source: "" });
    else errors.push(got.error);
  }
  return { ok: true, value: { targets, errors, single: parsed.value.refs.length === 1 } };
}

/** The objects the arguments and `-f` name, or the builder's error. */
export function resolveTargets(env: KubectlEnv, q: TargetQuery): TargetsResult {
  const hasFiles = (q.filenames ?? []).length > 0;
  if (hasFiles && q.args.length > 0) return { ok: false, error: "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well" };
  if (hasFiles) return fromFiles(env, q);
  if (q.args.length === 0) return { ok: false, error: MISSING_RESOURCE };
  return fromArgs(env, q);
}
