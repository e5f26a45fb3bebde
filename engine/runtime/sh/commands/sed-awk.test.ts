/**
 * sed and awk inside containers: BusyBox's applets (editors/sed.c, editors/awk.c) and
 * Debian's GNU sed 4.9 and mawk, on the evaluators the learner's shell shares. What they
 * print is the same; their messages are each tool's own.
 */
import { describe, expect, it } from "vitest";
import { T0, running } from "../../test-support";

const BUSYBOX = "busybox:1.36";
const GNU = "nginx:1.27.5";

interface Case {
  readonly script: string;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode?: number;
}

function run(image: string, script: string) {
  return running({ image, command: ["sleep", "3600"] }).exec("c", ["sh", "-c", script], "", T0 + 1000);
}

const both: Case[] = [
  { script: "echo hello | sed s/l/L/", stdout: "heLlo\n" },
  { script: "echo hello | sed 's/l/L/g'", stdout: "heLLo\n" },
  { script: "echo hello | sed -E 's/(h)(e)/\\2\\1/'", stdout: "ehllo\n" },
  { script: "printf 'a\\nb\\nc\\n' | sed -n 2p", stdout: "b\n" },
  { script: "printf 'a\\nb\\nc\\n' | sed 2d", stdout: "a\nc\n" },
  { script: "printf 'a\\nb\\nc\\n' | sed -n '/b/,$p'", stdout: "b\nc\n" },
  { script: "printf 'a\\nb\\nc\\n' | sed '$d'", stdout: "a\nb\n" },
  { script: "printf 'a\\nb\\n' | sed -e 's/a/A/' -e 's/b/B/'", stdout: "A\nB\n" },
  { script: "printf 'a\\nb' | sed s/b/B/", stdout: "a\nB" },
  { script: "printf 'x=1\\ny=1\\n' > /tmp/c; sed -i 's/1/2/' /tmp/c; cat /tmp/c", stdout: "x=2\ny=2\n" },
  { script: "printf 'one\\ntwo\\n' > /tmp/f; sed -n '$p' /tmp/f", stdout: "two\n" },
  { script: "echo 'a b c' | awk '{print $2}'", stdout: "b\n" },
  { script: "echo 'a b c' | awk '{print $NF, NF}'", stdout: "c 3\n" },
  { script: "echo k=v | awk -F= '{print $2, NF}'", stdout: "v 2\n" },
  { script: "seq 1 4 | awk 'NR % 2 == 0 {s += $1} END {print s, NR}'", stdout: "6 4\n" },
  { script: "awk 'BEGIN {printf \"%-5s|%03d\\n\", \"ab\", 7}'", stdout: "ab   |007\n" },
  { script: "awk -v x=5 'BEGIN {print x * 2}'", stdout: "10\n" },
  { script: "printf 'a\\nb\\n' | awk '/b/'", stdout: "b\n" },
  { script: "printf 'x 1\\ny 2\\n' > /tmp/t; awk '$2 > 1 {print $1}' /tmp/t", stdout: "y\n" },
];

describe("what sed and awk print, in either toolbox", () => {
  for (const image of [BUSYBOX, GNU]) {
    it.each(both)(`${image}: $script`, (c) => {
      expect(run(image, c.script)).toEqual({ stdout: c.stdout ?? "", stderr: c.stderr ?? "", exitCode: c.exitCode ?? 0 });
    });
  }
});

const SED_USAGE_HEAD = "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n";

describe("BusyBox's messages", () => {
  it.each<Case>([
    { script: "sed 's/a/b'", stderr: "sed: unmatched '/'\n", exitCode: 1 },
    { script: "sed 's|a|b'", stderr: "sed: unmatched '|'\n", exitCode: 1 },
    { script: "sed s", stderr: "sed: bad format in substitution expression\n", exitCode: 1 },
    { script: "sed 's/a/b/z'", stderr: "sed: bad option in substitution expression\n", exitCode: 1 },
    { script: "sed k", stderr: "sed: unsupported command k\n", exitCode: 1 },
    { script: "sed 1,", stderr: "sed: no address after comma\n", exitCode: 1 },
    { script: "sed '/x/'", stderr: "sed: missing command\n", exitCode: 1 },
    { script: "sed 's/\\(/x/'", stderr: "sed: bad regex '\\(': Unmatched ( or \\(\n", exitCode: 1 },
    { script: "sed p /nope", stderr: "sed: can't open '/nope': No such file or directory\n", exitCode: 1 },
    { script: "sed -i p", stderr: "sed: -i requires an argument\n", exitCode: 1 },
    { script: "sed --version", stdout: "This is not GNU sed version 4.0\n" },
    { script: "awk '{print'", stderr: "awk: cmd. line:1: Unexpected token\n", exitCode: 1 },
    { script: "awk '{print \"x}'", stderr: "awk: cmd. line:1: Unexpected end of string\n", exitCode: 1 },
    { script: "awk 1 /nope", stderr: "awk: can't open '/nope': No such file or directory\n", exitCode: 1 },
    { script: "awk", stderr: "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n\n\t-v VAR=VAL\tSet variable\n\t-F SEP\t\tUse SEP as field separator\n\t-f FILE\t\tRead program from FILE\n\t-e AWK_PROGRAM\n", exitCode: 1 },
  ])("$script", (c) => {
    expect(run(BUSYBOX, c.script)).toEqual({ stdout: c.stdout ?? "", stderr: c.stderr ?? "", exitCode: c.exitCode ?? 0 });
  });

  it("sed with no script shows its usage under the image's banner", () => {
    const r = run(BUSYBOX, "sed");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith(SED_USAGE_HEAD)).toBe(true);
  });
});

describe("GNU sed's and mawk's messages", () => {
  it.each<Case>([
    { script: "sed 's/a/b'", stderr: "sed: -e expression #1, char 5: unterminated `s' command\n", exitCode: 1 },
    { script: "sed k", stderr: "sed: -e expression #1, char 1: unknown command: `k'\n", exitCode: 1 },
    { script: "sed p /nope", stderr: "sed: can't read /nope: No such file or directory\n", exitCode: 2 },
    { script: "sed -i p", stderr: "sed: no input files\n", exitCode: 1 },
    { script: "awk 1 /nope", stderr: "awk: cannot open /nope (No such file or directory)\n", exitCode: 2 },
    { script: "awk", stderr: "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n", exitCode: 2 },
  ])("$script", (c) => {
    expect(run(GNU, c.script)).toEqual({ stdout: c.stdout ?? "", stderr: c.stderr ?? "", exitCode: c.exitCode ?? 0 });
  });
});

describe("on a pipe, line by line", () => {
  it("sed prints each line as it comes", () => {
    const rt = running({ command: ["sh", "-c", "(echo a; sleep 2; echo b; sleep 2) | sed 's/^/> /'"] });
    rt.step("c", T0 + 5000);
    expect(rt.logs("c").map((l) => [l.time - T0, l.text])).toEqual([
      [0, "> a"],
      [2000, "> b"],
    ]);
  });

  it("sed holds a line back while it cannot tell whether it is the last (`$`)", () => {
    const rt = running({ command: ["sh", "-c", "(echo a; sleep 2; echo b; sleep 2) | sed -n '$p; 1p'"] });
    rt.step("c", T0 + 1000);
    expect(rt.logs("c")).toEqual([]);
    rt.step("c", T0 + 5000);
    expect(rt.logs("c").map((l) => [l.time - T0, l.text])).toEqual([
      [2000, "a"],
      [4000, "b"],
    ]);
  });

  it("awk keeps its variables between pieces of input and runs END at the end", () => {
    const rt = running({ command: ["sh", "-c", "(echo 1; sleep 2; echo 2; sleep 2; echo 3) | awk '{ s += $1; print \"sum\", s } END { print \"lines\", NR }'"] });
    rt.step("c", T0 + 10_000);
    expect(rt.logs("c").map((l) => [l.time - T0, l.text])).toEqual([
      [0, "sum 1"],
      [2000, "sum 3"],
      [4000, "sum 6"],
      [4000, "lines 3"],
    ]);
  });
});
