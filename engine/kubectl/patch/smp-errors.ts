/**
 * The errors of apimachinery's `mergepatch` and `strategicpatch` packages, as values. The
 * API server turns the sentinel ones into BadRequest or Invalid and passes the rest on as
 * they are (`interpretStrategicMergePatchError`), so each error says which it is.
 */
import { goSprint } from "../printers/jsonpath";

/** How the API server answers a patch that fails with this error. */
export type SmpErrorClass = "bad-request" | "invalid" | "other";

export interface SmpError {
  readonly class: SmpErrorClass;
  readonly message: string;
}

export type SmpResult<T> = { ok: true; value: T } | { ok: false; error: SmpError };

export const smpOk = <T>(value: T): SmpResult<T> => ({ ok: true, value });
export const smpFail = <T = never>(error: SmpError): SmpResult<T> => ({ ok: false, error });

const other = (message: string): SmpError => ({ class: "other", message });

export const ERR_NO_LIST_OF_LISTS: SmpError = { class: "invalid", message: "lists of lists are not supported" };
export const ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST: SmpError = { class: "bad-request", message: "invalid patch format of primitive list" };
export const ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS: SmpError = { class: "bad-request", message: "invalid patch format of retainKeys" };
export const ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER: SmpError = { class: "bad-request", message: "invalid patch format of setElementOrder list" };

/** reflect.Kind of a decoded JSON value; whole numbers decode as int64 on the server. */
function goKindName(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (Array.isArray(v)) return "slice";
  if (typeof v === "object") return "map";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return typeof v === "boolean" ? "bool" : "string";
}

export function errBadArgType(expected: "map" | "slice", actual: unknown): SmpError {
  return other(`expected a ${expected}, but received a ${goKindName(actual)}`);
}

export function errNoMergeKey(m: unknown, key: string): SmpError {
  return other(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);
}

export function errBadPatchType(t: unknown, m: unknown): SmpError {
  return other(`unknown patch type: ${goSprint(t)} in map: ${goSprint(m)}`);
}

export function errOther(message: string): SmpError {
  return other(message);
}
