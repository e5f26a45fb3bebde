/**
 * renderLog applies PodLogOptions as the kubelet does: `--timestamps` in the runtime's
 * RFC 3339 layout with nine fraction digits, `--since`, `--tail`, `--limit-bytes`, and
 * kubectl's `--prefix` on every line.
 */
import { describe, expect, it } from "vitest";
import { renderLog } from "./log-filter";

const t = (s: string) => Date.parse(s);
const lines = [
  { time: t("2026-01-27T10:00:00.120Z"), text: "one" },
  { time: t("2026-01-27T10:00:05Z"), text: "two" },
  { time: t("2026-01-27T10:01:00Z"), text: "three" },
];

describe("renderLog", () => {
  it.each([
    [{ timestamps: false }, "one\ntwo\nthree\n"],
    [{ timestamps: true }, "2026-01-27T10:00:00.120000000Z one\n2026-01-27T10:00:05.000000000Z two\n2026-01-27T10:01:00.000000000Z three\n"],
    [{ timestamps: false, tail: 2 }, "two\nthree\n"],
    [{ timestamps: false, tail: 0 }, ""],
    [{ timestamps: false, since: t("2026-01-27T10:00:05Z") }, "two\nthree\n"],
    [{ timestamps: false, limitBytes: 6 }, "one\ntw"],
    [{ timestamps: false, tail: 1, prefix: "[pod/web/app] " }, "[pod/web/app] three\n"],
    [{ timestamps: false, limitBytes: 6, prefix: "[pod/web/app] " }, "[pod/web/app] one\n[pod/web/app] tw"],
  ])("%j", (filter, text) => {
    expect(renderLog(lines, filter)).toBe(text);
  });
});
