/**
 * PodLogOptions applied to a container's lines as the kubelet applies them: `--since` /
 * `--since-time`, `--tail`, `--limit-bytes` and `--timestamps`, and kubectl's `--prefix`.
 */
import type { LogLine } from "./container-log";

export interface LogFilter {
  /** only lines written at or after this time (ms) */
  readonly since?: number;
  /** the last N lines; undefined = all */
  readonly tail?: number;
  readonly limitBytes?: number;
  readonly timestamps: boolean;
  /** `[pod/web/nginx] ` before every line */
  readonly prefix?: string;
}

/** The kubelet's timestamp layout: RFC 3339 with nine fraction digits. */
function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

export function renderLog(lines: readonly LogLine[], f: LogFilter): string {
  let kept = f.since === undefined ? lines : lines.filter((l) => l.time >= (f.since as number));
  if (f.tail !== undefined) kept = f.tail <= 0 ? [] : kept.slice(-f.tail);
  let text = kept.map((l) => `${f.timestamps ? `${logTimestamp(l.time)} ` : ""}${l.text}\n`).join("");
  if (f.limitBytes !== undefined) text = new TextDecoder().decode(new TextEncoder().encode(text).slice(0, f.limitBytes));
  if (!f.prefix) return text;
  // prefixingWriter writes the prefix before every line it is handed, empty ones too
  const parts = text.split("\n");
  const partial = parts.pop() ?? "";
  return parts.map((l) => `${f.prefix}${l}\n`).join("") + (partial ? `${f.prefix}${partial}` : "");
}
