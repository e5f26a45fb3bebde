/** describe.go's printLabelsMultiline / printAnnotationsMultiline and labels.FormatLabels. */
import { LEVEL_0, type PrefixWriter } from "./prefix-writer";

/** Hidden by every describer: it only repeats the object. */
const SKIPPED_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
const MAX_ANNOTATION_LEN = 140;

const utf8 = new TextEncoder();
const byteLength = (s: string) => utf8.encode(s).length;

function shorten(s: string, maxLength: number): string {
  const bytes = utf8.encode(s);
  return bytes.length > maxLength ? new TextDecoder().decode(bytes.slice(0, maxLength)) + "..." : s;
}

/** Go's sort.Strings order (bytes), which for these keys is code-unit order. */
export function sortedKeys(map: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.keys(map ?? {}).sort();
}

export function printLabelsMultilineWithIndent(w: PrefixWriter, initialIndent: string, title: string, innerIndent: string, labels: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels?.[key]}\n`);
  });
}

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Readonly<Record<string, string>> | undefined): void {
  printLabelsMultilineWithIndent(w, "", title, "\t", labels);
}

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIPPED_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = (annotations?.[key] ?? "").replace(/\n$/, "");
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split("\n")) w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** labels.FormatLabels: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = sortedKeys(labels);
  return keys.length === 0 ? "<none>" : keys.map((k) => `${k}=${labels?.[k]}`).join(",");
}
