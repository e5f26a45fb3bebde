/**
 * The loop `set selector` and `set serviceaccount` share (RunSelector, SetServiceAccountOptions.Run):
 * each object's strategic merge patch, from the object before the change to after it, is
 * sent even when empty, so an object already as asked still reads `... updated`; with
 * `--local` or a client dry run the changed object is printed instead.
 */
import type { KubeObject } from "../../../api/object";
import type { KubectlEnv } from "../../command";
import type { DryRunStrategy } from "../../printers/name";
import type { ObjectPrinter } from "../create/print-flags";
import type { Failure } from "../../patch/failure";
import { printFailure, printFailures } from "../../patch/failure";
import { kindType } from "../../patch/patch-meta";
import { printWarnings } from "../../patch/print-warnings";
import { serverPatch } from "../../patch/server-patch";
import type { JsonMap } from "../../patch/smp-lists";
import { createTwoWayMergePatch } from "../../patch/strategic-diff";
import type { Target } from "../../patch/targets";

/** An object's state before and after the command's change, or why it cannot be changed. */
export type ObjectChange = { ok: true; before: KubeObject; after: KubeObject } | { ok: false; error: Failure };

export interface SendOptions {
  readonly local: boolean;
  readonly dryRun: DryRunStrategy;
  readonly printer: ObjectPrinter;
  /** set serviceaccount wraps a refused patch as `<prefix><message>`; set selector reports the server's error as it is */
  readonly patchErrorPrefix?: string;
}

/** Sends and prints each change; the errors collected along the way (and `earlier` ones) are printed at the end. */
export function sendPatches(env: KubectlEnv, changes: readonly { target: Target; change: ObjectChange }[], opts: SendOptions, earlier: readonly Failure[] = []): number {
  const errors: Failure[] = [...earlier];
  for (const { target: t, change } of changes) {
    if (!change.ok) {
      errors.push(change.error);
      continue;
    }
    const patch = createTwoWayMergePatch(change.before as unknown as JsonMap, change.after as unknown as JsonMap, kindType(t.object.kind));
    if (!patch.ok) {
      errors.push(patch.error.message);
      continue;
    }
    let result = change.after;
    if (!(opts.local || opts.dryRun === "client")) {
      const meta = t.object.metadata;
      const r = serverPatch(env.api, t.type, meta.namespace, meta.name ?? "", "strategic", patch.value, { dryRun: opts.dryRun === "server" });
      if (!r.ok) {
        const message = typeof r.error === "string" ? r.error : r.error.message;
        errors.push(opts.patchErrorPrefix === undefined ? r.error : opts.patchErrorPrefix + message);
        continue;
      }
      printWarnings(env.err, r.value.warnings);
      result = r.value.object;
    }
    const text = opts.printer.print(result, t.type);
    if (!text.ok) return printFailure(env.err, text.error);
    env.out(text.value);
  }
  return printFailures(env.err, errors);
}
