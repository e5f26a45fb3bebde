/**
 * How kubectl reports the errors a ContinueOnError visit collected (cmdutil.checkErr):
 * one error prints as any error does; several print one per line through
 * MultipleErrors, API errors as `Error from server (Reason): ...` (Invalid ones too) and
 * the rest as their bare message.
 */
import type { StatusError } from "../../../api/errors";
import { fail } from "../../errors";

/** A collected error: an API status, or a client-side message without its `error: ` prefix. */
export type CollectedError = StatusError | string;

export function printErrors(err: (s: string) => void, errors: readonly CollectedError[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) return fail(err, errors[0]);
  for (const e of errors) err(`${typeof e === "string" ? e : `Error from server (${e.reason}): ${e.message}`}\n`);
  return 1;
}
