/**
 * What can go wrong on the way to the API server and back, as kubectl prints it
 * (cmdutil.CheckErr): API statuses, including the two the typed StatusError cannot
 * express (an Invalid status without a kind and name, and a status with no reason, which
 * the server returns for a failure inside its patch code), and client-side errors as text.
 * `addSource` is cmdutil.AddSourceToErr.
 */
import type { StatusCause, StatusError } from "../../api/errors";
import { formatError } from "../errors";
import { goQuote } from "../printers/jsonpath";

/** A status whose reason is empty (StatusReasonUnknown): printed `Error from server: <message>`. */
export interface UnknownStatus {
  readonly status: "Failure";
  readonly reason: "";
  readonly message: string;
  readonly code: number;
}

/** An API status, or a client-side error's text (printed with `error: `). */
export type Failure = StatusError | UnknownStatus | string;

export function unknownStatus(message: string, code = 500): UnknownStatus {
  return { status: "Failure", reason: "", message, code };
}

/** The generic 422 the server answers for a JSON patch that does not apply (NewGenericServerResponse). */
export function unprocessable(): StatusError {
  return { status: "Failure", reason: "Invalid", code: 422, message: "the server rejected our request due to an error in our request", details: {} };
}

/** An Invalid status with causes but no kind or name, as the server's patch code builds them. */
export function invalidRequest(causes: readonly StatusCause[]): StatusError {
  return { status: "Failure", reason: "Invalid", code: 422, message: "", details: { causes } };
}

function invalidText(e: StatusError): string {
  const d = e.details ?? {};
  const causes = d.causes ?? [];
  if (d.kind || d.name) return formatError(e);
  const head = causes.length === 0 && e.message ? `The request is invalid: ${e.message}` : "The request is invalid";
  if (causes.length === 0) return head;
  if (causes.length === 1) return `${head}: ${causes[0].message}`;
  return `${head}: \n${causes.map((c) => `* ${c.message}`).join("\n")}`;
}

/** The text kubectl prints for a failure, without the trailing newline. */
export function failureText(e: Failure): string {
  if (typeof e === "string") return e.startsWith("error: ") ? e : `error: ${e}`;
  if (e.reason === "") return `Error from server: ${e.message}`;
  if (e.reason === "Invalid") return invalidText(e);
  return formatError(e);
}

/** AddSourceToErr: `error when <verb> "<source>": <message>`. */
export function addSource(e: Failure, verb: string, source: string): Failure {
  if (!source) return e;
  const prefix = `error when ${verb} ${goQuote(source)}: `;
  if (typeof e === "string") return prefix + e.replace(/^error: /, "");
  return { ...e, message: prefix + e.message };
}

/** Prints a failure to stderr and returns kubectl's exit status. */
export function printFailure(err: (s: string) => void, e: Failure): number {
  const text = failureText(e);
  err(text.endsWith("\n") ? text : text + "\n");
  return 1;
}

/**
 * The errors a ContinueOnError run collected: one is printed as itself; several as an
 * aggregate, one line each, statuses as `Error from server (Reason): message` and other
 * errors without the `error: ` prefix (MultipleErrors). Returns the exit status.
 */
export function printFailures(err: (s: string) => void, errors: readonly Failure[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) return printFailure(err, errors[0]);
  for (const e of errors) {
    if (typeof e === "string") err(e + "\n");
    else err((e.reason ? `Error from server (${e.reason}): ${e.message}` : `Error from server: ${e.message}`) + "\n");
  }
  return 1;
}
