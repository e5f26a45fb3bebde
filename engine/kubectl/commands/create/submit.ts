/**
 * The step every create-like verb ends with: record the object as its own last-applied
 * configuration when `--save-config` asks for it, then either keep it (client dry run) or
 * send it to the API server and take what the server returns. Server warnings are printed
 * the way kubectl's warning handler prints them.
 */
import type { StatusError } from "../../../api/errors";
import type { KubeObject } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import type { KubectlEnv } from "../../command";
import type { DryRunStrategy } from "../../printers/name";
import { withApplyAnnotation } from "../../patch/last-applied";
import type { JsonMap } from "../../patch/smp-lists";
import type { FieldValidation } from "./common-flags";

export interface Submission {
  readonly type: ResourceType;
  readonly object: KubeObject;
  /** the request namespace; ignored for cluster-scoped types */
  readonly namespace: string;
  readonly dryRun: DryRunStrategy;
  readonly saveConfig: boolean;
  readonly validation?: FieldValidation;
}

export type Submitted = { ok: true; value: KubeObject } | { ok: false; error: StatusError };

export function submit(env: KubectlEnv, s: Submission): Submitted {
  const object = s.saveConfig ? (withApplyAnnotation(s.object as unknown as JsonMap) as unknown as KubeObject) : s.object;
  if (s.dryRun === "client") return { ok: true, value: object };
  const namespace = s.type.namespaced ? s.namespace : undefined;
  const r = env.api.create(s.type, namespace, object, { dryRun: s.dryRun === "server", fieldValidation: s.validation ?? "Strict" });
  if (!r.ok) return r;
  for (const w of r.value.warnings) env.err(`Warning: ${w}\n`);
  return { ok: true, value: r.value.object };
}
