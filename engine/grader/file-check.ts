/**
 * `file:` a file on a host (the learner's `-o yaml > pod.yaml`): its text, or with
 * `jsonpath` a field of the YAML or JSON it holds.
 */
import { parseAllDocuments } from "yaml";
import { executeJsonPath, parseJsonPath } from "../kubectl/printers/jsonpath";
import type { Comparator } from "./check";
import { compare, type Outcome } from "./compare";
import type { GradeTarget } from "./target";

export function fileCheck(target: GradeTarget, spec: { path: string; host?: string; jsonpath?: string }, c: Comparator): Outcome {
  const host = spec.host ?? target.host;
  const text = target.readFile(host, spec.path);
  if (text === undefined) return { ok: false, detail: `${spec.path} not found on ${host}` };
  if (spec.jsonpath === undefined) return compare(c, text, `${spec.path}`);
  const docs = parseAllDocuments(text);
  const first = Array.isArray(docs) ? docs[0] : undefined;
  if (!first || first.errors.length) return { ok: false, detail: `${spec.path} is not valid YAML${first?.errors[0] ? `: ${first.errors[0].message.split("\n")[0]}` : ""}` };
  const template = parseJsonPath(spec.jsonpath);
  if (!template.ok) return { ok: false, detail: template.error };
  const printed = executeJsonPath(template.value, first.toJS(), { allowMissingKeys: true });
  if (!printed.ok) return { ok: false, detail: printed.error };
  return compare(c, printed.value, `${spec.jsonpath} in ${spec.path}`);
}
