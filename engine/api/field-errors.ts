/**
 * Field validation errors with apimachinery's texts (`pkg/util/validation/field/errors.go`):
 * `<path>: <Type>[: <value>][: <detail>]`, strings quoted with Go's %q.
 */
import type { StatusCause } from "./errors";

/** Go's %q for the strings learners type (ASCII escapes; non-ASCII kept as is). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

function render(value: unknown): string {
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "null";
  return JSON.stringify(value);
}

function cause(field: string, message: string): StatusCause {
  return { field, message: `${field}: ${message}` };
}

export const fieldError = {
  required: (field: string, detail = ""): StatusCause => cause(field, detail ? `Required value: ${detail}` : "Required value"),
  invalid: (field: string, value: unknown, detail: string): StatusCause => cause(field, `Invalid value: ${render(value)}${detail ? `: ${detail}` : ""}`),
  /** Invalid with the value already printed the way Go's `%#v` shows a struct or slice. */
  invalidGoSyntax: (field: string, shown: string, detail: string): StatusCause => cause(field, `Invalid value: ${shown}: ${detail}`),
  unsupported: (field: string, value: unknown, supported: readonly string[]): StatusCause =>
    cause(field, `Unsupported value: ${render(value)}: supported values: ${supported.map(goQuote).join(", ")}`),
  duplicate: (field: string, value: unknown): StatusCause => cause(field, `Duplicate value: ${render(value)}`),
  forbidden: (field: string, detail: string): StatusCause => cause(field, `Forbidden: ${detail}`),
  tooLong: (field: string, max: number): StatusCause => cause(field, `Too long: may not be more than ${max} bytes`),
  notSupported: (field: string, value: unknown, supported: readonly string[]): StatusCause => fieldError.unsupported(field, value, supported),
};

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** IsDNS1123Label: the problems with a name, empty when it is valid. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!DNS1123_LABEL.test(value)) {
    errs.push(DNS1123_SUBDOMAIN.test(value) ? "must not contain dots" : LABEL_MSG);
  }
  return errs;
}

/** IsDNS1123Subdomain. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push("must be no more than 253 characters");
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(SUBDOMAIN_MSG);
  return errs;
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** IsQualifiedName: label and annotation keys (`prefix/name`). */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split("/");
  let name = value;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix, n] = parts;
    name = n;
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else errs.push(...dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push("name part must be no more than 63 characters");
  if (!QUALIFIED_NAME.test(name)) errs.push(QUALIFIED_NAME_MSG);
  return errs;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** IsValidLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return errs;
}
