/**
 * Flags every object-creating verb shares (cmdutil.AddApplyAnnotationFlags,
 * AddValidateFlags, AddFieldManagerFlagVar) and how `--validate` is read
 * (cmdutil.GetValidationDirective).
 */
import type { WriteOptions } from "../../../api/server";
import type { FlagSpec, ParsedFlags } from "../../flags";
import { str } from "../../flags";

export const SAVE_CONFIG_FLAG: FlagSpec = {
  name: "save-config",
  type: "bool",
  usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
};

export const VALIDATE_FLAG: FlagSpec = {
  name: "validate",
  type: "string",
  default: "strict",
  noOptDefault: "strict",
  usage: `Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.`,
};

export function fieldManagerFlag(manager: string): FlagSpec {
  return { name: "field-manager", type: "string", default: manager, usage: "Name of the manager used to track field ownership." };
}

export type FieldValidation = NonNullable<WriteOptions["fieldValidation"]>;

const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

export function parseValidation(flags: ParsedFlags): { ok: true; value: FieldValidation } | { ok: false; error: string } {
  const v = str(flags, "validate");
  if (TRUE.has(v) || v === "strict") return { ok: true, value: "Strict" };
  if (FALSE.has(v) || v === "ignore") return { ok: true, value: "Ignore" };
  if (v === "warn") return { ok: true, value: "Warn" };
  return { ok: false, error: `error: invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)` };
}
