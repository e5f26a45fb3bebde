/**
 * What a set of checks looked at, as it is now: each object a check names (as `kubectl get
 * -o yaml` shows it, without managedFields), the names a `count` matched, each file's text.
 * An exam report puts it beside the reference solution, so the candidate sees what they
 * left in the cluster.
 */
import type { KubeObject } from "../api/object";
import { resolveResource } from "../api/resources";
import { matchesSelector, parseLabelSelector } from "../api/label-selector";
import { toYaml } from "../kubectl/printers/yaml";
import type { Workspace } from "../workspace";
import type { Check } from "./check";
import { targetOf, type GradeScope, type GradeTarget } from "./target";

export interface Evidence {
  /** e.g. `pod web -n shop`, `file /opt/out.txt on cka3962` */
  readonly label: string;
  /** the YAML, the file's text, or why there is none */
  readonly text: string;
}

const MAX_TEXT = 8 * 1024;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n… (${text.length - MAX_TEXT} more characters)\n` : text;
}

function objectYaml(o: KubeObject): string {
  const { managedFields: _dropped, ...metadata } = o.metadata;
  return toYaml({ ...o, metadata });
}

function objectEvidence(t: GradeTarget, kind: string, name: string, namespace: string | undefined, cluster: string | undefined): Evidence {
  const type = resolveResource(kind);
  const ns = type?.namespaced ? (namespace ?? "default") : undefined;
  const label = `${type?.singular ?? kind} ${name}${ns ? ` -n ${ns}` : ""}${cluster ? ` (${cluster})` : ""}`;
  if (!type) return { label, text: `unknown kind ${kind}\n` };
  const o = t.store(cluster)?.get(type.plural, ns, name);
  return { label, text: o ? clip(objectYaml(o)) : `Error from server (NotFound): ${type.plural} "${name}" not found\n` };
}

function countEvidence(t: GradeTarget, spec: { kind: string; namespace?: string; selector?: string }, cluster: string | undefined): Evidence {
  const type = resolveResource(spec.kind);
  const ns = type?.namespaced ? (spec.namespace ?? "default") : undefined;
  const label = `${type?.plural ?? spec.kind}${ns ? ` -n ${ns}` : ""}${spec.selector ? ` -l ${spec.selector}` : ""}`;
  if (!type) return { label, text: `unknown kind ${spec.kind}\n` };
  const selector = parseLabelSelector(spec.selector ?? "");
  const names = (t.store(cluster)?.list(type.plural, ns) ?? [])
    .filter((o) => !selector.ok || matchesSelector(selector.value, o.metadata.labels))
    .map((o) => o.metadata.name);
  return { label, text: names.length ? `${names.join("\n")}\n` : "No resources found\n" };
}

function collect(t: GradeTarget, c: Check, inherited: string | undefined, out: Evidence[]): void {
  const cluster = c.cluster ?? inherited;
  if ("allOf" in c) return c.allOf.forEach((child) => collect(t, child, cluster, out));
  if ("anyOf" in c) return c.anyOf.forEach((child) => collect(t, child, cluster, out));
  if ("exists" in c) out.push(objectEvidence(t, c.exists.kind, c.exists.name, c.exists.namespace, cluster));
  else if ("absent" in c) out.push(objectEvidence(t, c.absent.kind, c.absent.name, c.absent.namespace, cluster));
  else if ("jsonpath" in c) out.push(objectEvidence(t, c.jsonpath.kind, c.jsonpath.name, c.jsonpath.namespace, cluster));
  else if ("pod" in c) out.push(objectEvidence(t, "pod", c.pod.name, c.pod.namespace, cluster));
  else if ("sharedVolume" in c) out.push(objectEvidence(t, "pod", c.sharedVolume.pod, c.sharedVolume.namespace, cluster));
  else if ("count" in c) out.push(countEvidence(t, c.count, cluster));
  else if ("file" in c) {
    const host = c.file.host ?? t.host;
    const text = t.readFile(host, c.file.path);
    out.push({ label: `file ${c.file.path} on ${host}`, text: text === undefined ? `cat: ${c.file.path}: No such file or directory\n` : clip(text) });
  }
}

/** The evidence for `checks`, each subject once, in the order the checks name them. */
export function evidence(ws: Workspace, checks: readonly Check[], scope?: GradeScope): Evidence[] {
  const t = targetOf(ws, scope);
  const all: Evidence[] = [];
  for (const c of checks) collect(t, c, undefined, all);
  return all.filter((e, i) => all.findIndex((o) => o.label === e.label) === i);
}
