/**
 * describe.go's genericDescriber, used for kinds without a describer of their own
 * (Event among the simulator's kinds): every field, sorted, under a "smart" label.
 */
import type { KubeObject } from "../../api/object";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { DescribeWriter, LEVEL_0, type PrefixWriter } from "./prefix-writer";

const ACRONYMS = ["API", "URL", "UID", "OSB", "GUID"];
const SKIPPED = [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"];

function charClass(c: string): number {
  if (/\p{Ll}/u.test(c)) return 1;
  if (/\p{Lu}/u.test(c)) return 2;
  if (/\p{Nd}/u.test(c)) return 3;
  return 4;
}

/** fatih/camelcase.Split: runs of one character class, with `PDFLoader` → `PDF`, `Loader`. */
function camelcaseSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const c of src) {
    const cls = charClass(c);
    if (cls === last) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i][0]) === 2 && charClass(runs[i + 1][0]) === 1) runs[i + 1].unshift(runs[i].pop() as string);
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

/** `apiVersion` → `API Version`; fields with characters other than letters and `-` stay as they are. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelcaseSplit(field)
    .filter((p) => p !== "_")
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(" ");
}

/** Go's %v of a value decoded from JSON. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goValue(o[k])}`).join(" ")}]`;
  }
  return String(v);
}

export function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: readonly string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (skip.includes(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === "object" && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, path, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value && typeof value === "object") {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, path, skip);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  printUnstructuredContent(w, LEVEL_0, obj, "", SKIPPED);
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
