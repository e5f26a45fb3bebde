/**
 * API errors as values, shaped like apimachinery's `metav1.Status`. kubectl turns them
 * into its own text in one place (`kubectl/errors.ts`), so every verb prints the same way.
 */

export type StatusReason = "NotFound" | "AlreadyExists" | "Invalid" | "Conflict" | "BadRequest" | "Forbidden" | "MethodNotAllowed";

export interface StatusCause {
  /** field path, e.g. `spec.containers[0].image` */
  readonly field: string;
  /** the whole `<field>: <Type>[: <value>][: <detail>]` text */
  readonly message: string;
}

export interface StatusError {
  readonly status: "Failure";
  readonly reason: StatusReason;
  readonly message: string;
  readonly code: number;
  readonly details?: { readonly kind?: string; readonly group?: string; readonly name?: string; readonly causes?: readonly StatusCause[] };
}

export function isStatusError(v: unknown): v is StatusError {
  return typeof v === "object" && v !== null && (v as StatusError).status === "Failure" && typeof (v as StatusError).reason === "string";
}

/** `pods "web" not found`; resource is the qualified plural (`deployments.apps`). */
export function notFound(resource: string, name: string): StatusError {
  return { status: "Failure", reason: "NotFound", code: 404, message: `${resource} "${name}" not found`, details: { name } };
}

export function alreadyExists(resource: string, name: string): StatusError {
  return { status: "Failure", reason: "AlreadyExists", code: 409, message: `${resource} "${name}" already exists`, details: { name } };
}

export function conflict(resource: string, name: string, why: string): StatusError {
  return { status: "Failure", reason: "Conflict", code: 409, message: `Operation cannot be fulfilled on ${resource} "${name}": ${why}`, details: { name } };
}

export function badRequest(message: string): StatusError {
  return { status: "Failure", reason: "BadRequest", code: 400, message };
}

export function forbidden(resource: string, name: string, why: string): StatusError {
  return { status: "Failure", reason: "Forbidden", code: 403, message: `${resource} "${name}" is forbidden: ${why}`, details: { name } };
}

export function methodNotAllowed(message: string): StatusError {
  return { status: "Failure", reason: "MethodNotAllowed", code: 405, message };
}

/**
 * `The Pod "x" is invalid: <cause>`, or with several causes a first line ending in a space
 * followed by `* <cause>` lines (apimachinery `NewInvalid` + `MultilineError`). Duplicate
 * causes are dropped as kubectl does.
 */
export function invalid(kind: string, name: string, causes: readonly StatusCause[]): StatusError {
  const unique = causes.filter((c, i) => causes.findIndex((d) => d.message === c.message) === i);
  const message =
    unique.length === 1
      ? `${kind} "${name}" is invalid: ${unique[0].message}`
      : `${kind} "${name}" is invalid: [${unique.map((c) => c.message).join(", ")}]`;
  return { status: "Failure", reason: "Invalid", code: 422, message, details: { kind, name, causes: unique } };
}

/** A result that is either a value or an API error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: StatusError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: StatusError): Result<T> => ({ ok: false, error });
