/** grep in containers, BusyBox's (findutils/grep.c) and GNU grep: options, context, exit statuses and each one's messages. */
import { describe, expect, it } from "vitest";
import { T0, running } from "../../test-support";

interface Case {
  readonly script: string;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode?: number;
}

const FILES = "printf 'a\\nb\\na\\n' > /tmp/x; printf 'b\\n' > /tmp/y; ";
const SIX = "printf '1\\n2\\n3\\n4\\n5\\n6\\n' | ";

function run(image: string, script: string) {
  return running({ image, command: ["sleep", "3600"] }).exec("c", ["sh", "-c", script], "", T0 + 1000);
}

const both: Case[] = [
  { script: "printf 'a\\nb\\na\\n' | grep -c a", stdout: "2\n" },
  { script: "printf 'a\\nb\\na\\n' | grep -n a", stdout: "1:a\n3:a\n" },
  { script: "printf 'a\\nb\\n' | grep -v a", stdout: "b\n" },
  { script: "printf 'a\\nA\\n' | grep -i A", stdout: "a\nA\n" },
  { script: "printf 'foo bar\\nfoobar\\n' | grep -w foo", stdout: "foo bar\n" },
  { script: "printf 'ab\\nabc\\n' | grep -x ab", stdout: "ab\n" },
  { script: "echo foo | grep -o 'o\\+'", stdout: "oo\n" },
  { script: "printf 'a\\nb\\nc\\n' | grep -E 'a|c'", stdout: "a\nc\n" },
  { script: "printf 'a.b\\naxb\\n' | grep -F a.b", stdout: "a.b\n" },
  { script: "printf 'a\\nb\\nc\\n' | grep -e a -e c", stdout: "a\nc\n" },
  { script: "printf 'a\\na\\na\\n' | grep -m 2 a", stdout: "a\na\n" },
  { script: "echo a | grep -q a; echo $?; echo a | grep -q b; echo $?", stdout: "0\n1\n" },
  { script: `${FILES}grep a /tmp/x /tmp/y`, stdout: "/tmp/x:a\n/tmp/x:a\n" },
  { script: `${FILES}grep -h b /tmp/x /tmp/y`, stdout: "b\nb\n" },
  { script: `${FILES}grep -c b /tmp/x /tmp/y`, stdout: "/tmp/x:1\n/tmp/y:1\n" },
  { script: `${FILES}grep -l a /tmp/x /tmp/y`, stdout: "/tmp/x\n" },
  { script: `${FILES}grep -L a /tmp/x /tmp/y`, stdout: "/tmp/y\n" },
  { script: "echo a | grep -H a", stdout: "(standard input):a\n" },
  { script: `${FILES}echo b | grep b - /tmp/y`, stdout: "(standard input):b\n/tmp/y:b\n" },
  { script: `${SIX}grep -A1 -e 2 -e 5`, stdout: "2\n3\n--\n5\n6\n" },
  { script: `${SIX}grep -B1 3`, stdout: "2\n3\n" },
  { script: `${SIX}grep -n -C1 4`, stdout: "3-3\n4:4\n5-5\n" },
  { script: "echo a | grep b", exitCode: 1 },
  { script: `${FILES}grep -s a /tmp/nope /tmp/x`, stdout: "/tmp/x:a\n/tmp/x:a\n", exitCode: 2 },
];

describe("grep, in either toolbox", () => {
  for (const image of ["busybox:1.36", "nginx:1.27.5"]) {
    it.each(both)(`${image}: $script`, (c) => {
      expect(run(image, c.script)).toEqual({ stdout: c.stdout ?? "", stderr: c.stderr ?? "", exitCode: c.exitCode ?? 0 });
    });
  }
});

describe("each grep's messages", () => {
  it.each<Case & { image: string }>([
    { image: "busybox:1.36", script: "grep a /nope", stderr: "grep: can't open '/nope': No such file or directory\n", exitCode: 2 },
    { image: "nginx:1.27.5", script: "grep a /nope", stderr: "grep: /nope: No such file or directory\n", exitCode: 2 },
    { image: "busybox:1.36", script: "echo a | grep '\\('", stderr: "grep: bad regex '\\(': Unmatched ( or \\(\n", exitCode: 2 },
    { image: "nginx:1.27.5", script: "echo a | grep '\\('", stderr: "grep: Unmatched ( or \\(\n", exitCode: 2 },
    { image: "nginx:1.27.5", script: "grep", stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 },
    { image: "nginx:1.27.5", script: "echo a | grep --color=auto --line-buffered a", stdout: "a\n" },
  ])("$image: $script", (c) => {
    expect(run(c.image, c.script)).toEqual({ stdout: c.stdout ?? "", stderr: c.stderr ?? "", exitCode: c.exitCode ?? 0 });
  });

  it("BusyBox has no long options", () => {
    const r = run("busybox:1.36", "echo a | grep --line-buffered a");
    expect(r.exitCode).toBe(2);
    expect(r.stderr.startsWith("grep: unrecognized option '--line-buffered'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n\nSearch for PATTERN in FILEs (or stdin)\n")).toBe(true);
  });
});
