/**
 * kubectl's `checkErr`: the one place an error becomes the text a learner reads. API
 * errors print `Error from server (Reason): message`; Invalid errors print the server's
 * message alone; anything else is `error: message`. All go to stderr with status 1.
 */
import type { StatusError } from "../api/errors";
import { isStatusError } from "../api/errors";

export function formatError(e: StatusError | string): string {
  if (typeof e === "string") return e.startsWith("error: ") ? e : `error: ${e}`;
  if (isStatusError(e)) {
    if (e.reason === "Invalid") return formatInvalid(e);
    return `Error from server (${e.reason}): ${e.message}`;
  }
  return `error: ${String(e)}`;
}

function formatInvalid(e: StatusError): string {
  const causes = e.details?.causes ?? [];
  const head = `The ${e.details?.kind ?? ""} "${e.details?.name ?? ""}" is invalid: `;
  if (causes.length === 1) return head + causes[0].message;
  if (causes.length === 0) return e.message;
  return head + "\n" + causes.map((c) => `* ${c.message}`).join("\n");
}

/** `error when creating "x.yaml": ...`: the source file is added to API errors from -f. */
export function withSource(e: StatusError, verb: string, source: string): StatusError {
  if (e.reason === "Invalid" || !source) return e;
  return { ...e, message: `error when ${verb} "${source}": ${e.message}` };
}

/** Prints an error and returns kubectl's exit status for it. */
export function fail(err: (s: string) => void, e: StatusError | string): number {
  err(formatError(e) + "\n");
  return 1;
}

/** A usage error: `error: <msg>` then `See '<path> -h' for help and examples`. */
export function usageError(err: (s: string) => void, path: string, msg: string): number {
  err(`error: ${msg}\nSee '${path} -h' for help and examples\n`);
  return 1;
}
