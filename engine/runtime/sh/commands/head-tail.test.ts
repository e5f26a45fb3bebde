/**
 * head and tail without -f, through `kubectl exec`: counts, headers and each toolbox's
 * words (BusyBox in busybox:1.36, GNU coreutils in the Debian-based nginx image). The
 * expected texts follow busybox coreutils/tail.c and head.c and GNU src/tail.c and head.c.
 */
import { describe, expect, it } from "vitest";
import { T0, running } from "../../test-support";

const BUSYBOX = "busybox:1.36";
const GNU = "nginx:1.27.5";
const FILES = "printf '1\\n2\\n3\\n' > /tmp/n; printf 'x\\ny\\nz' > /tmp/p; echo a > /tmp/a; echo b > /tmp/b; ";

interface Case {
  readonly name: string;
  readonly script: string;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode?: number;
  readonly images?: readonly string[];
}

function exec(image: string, script: string) {
  const rt = running({ image, command: ["sleep", "3600"] });
  return rt.exec("c", ["sh", "-c", FILES + script], "", T0 + 1000);
}

const both: Case[] = [
  { name: "tail: the last 10 lines by default", script: "seq 1 12 | tail", stdout: "3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n" },
  { name: "tail -n N", script: "tail -n 2 /tmp/n", stdout: "2\n3\n" },
  { name: "tail -nN", script: "tail -n1 /tmp/n", stdout: "3\n" },
  { name: "tail -N (obsolete form)", script: "tail -2 /tmp/n", stdout: "2\n3\n" },
  { name: "tail -n +N starts at line N", script: "tail -n +2 /tmp/n", stdout: "2\n3\n" },
  { name: "tail keeps a last line without its newline as it is", script: "tail -n 2 /tmp/p", stdout: "y\nz" },
  { name: "tail -c N: the last N bytes", script: "tail -c 3 /tmp/n", stdout: "\n3\n" },
  { name: "tail -n 0 prints nothing", script: "tail -n 0 /tmp/n", stdout: "" },
  { name: "tail of several files: a header before each, a blank line between", script: "tail -n 1 /tmp/a /tmp/b", stdout: "==> /tmp/a <==\na\n\n==> /tmp/b <==\nb\n" },
  { name: "tail -q: no headers", script: "tail -q -n 1 /tmp/a /tmp/b", stdout: "a\nb\n" },
  { name: "tail -v: a header even for one file", script: "tail -v /tmp/a", stdout: "==> /tmp/a <==\na\n" },
  { name: "tail of a pipe with -f prints and ends (a pipe is not followed)", script: "printf 'a\\nb\\n' | tail -f", stdout: "a\nb\n" },
  { name: "head: the first lines", script: "head -n 2 /tmp/n", stdout: "1\n2\n" },
  { name: "head -N (obsolete form)", script: "head -1 /tmp/n", stdout: "1\n" },
  { name: "head -n -N: all but the last N", script: "head -n -1 /tmp/n", stdout: "1\n2\n" },
  { name: "head -c N", script: "head -c 3 /tmp/n", stdout: "1\n2" },
  { name: "head of several files, with headers", script: "head -n 1 /tmp/a /tmp/b", stdout: "==> /tmp/a <==\na\n\n==> /tmp/b <==\nb\n" },
  { name: "head of stdin among files is called standard input", script: "echo s | head -n 1 - /tmp/a", stdout: "==> standard input <==\ns\n\n==> /tmp/a <==\na\n" },
];

describe("head and tail, as both toolboxes print them", () => {
  for (const image of [BUSYBOX, GNU]) {
    it.each(both)(`${image}: $name`, (c) => {
      const r = exec(image, c.script);
      expect(r).toEqual({ stdout: c.stdout ?? "", stderr: c.stderr ?? "", exitCode: c.exitCode ?? 0 });
    });
  }
});

const BB_TAIL_USAGE =
  "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: tail [OPTIONS] [FILE]...\n\nPrint last 10 lines of FILEs (or stdin) to.\nWith more than one FILE, precede each with a filename header.\n\n\t-c [+]N[bkm]\tPrint last N bytes\n\t-n N[bkm]\tPrint last N lines\n\t-n +N[bkm]\tStart on Nth line and print the rest\n\t\t\t(b:*512 k:*1024 m:*1024^2)\n\t-q\t\tNever print headers\n\t-v\t\tAlways print headers\n\t-f\t\tPrint data as file grows\n\t-F\t\tSame as -f, but keep retrying\n\t-s SECONDS\tWait SECONDS between reads with -f\n";

const wording: (Case & { image: string })[] = [
  { name: "busybox tail of a missing file: can't open, then no files", image: BUSYBOX, script: "tail /nope", stderr: "tail: can't open '/nope': No such file or directory\ntail: no files\n", exitCode: 1 },
  { name: "GNU tail of a missing file: cannot open ... for reading", image: GNU, script: "tail /nope", stderr: "tail: cannot open '/nope' for reading: No such file or directory\n", exitCode: 1 },
  { name: "busybox counts headers over the files it could open", image: BUSYBOX, script: "tail -n 1 /tmp/a /nope", stdout: "a\n", stderr: "tail: can't open '/nope': No such file or directory\n", exitCode: 1 },
  { name: "GNU counts headers over every operand", image: GNU, script: "tail -n 1 /tmp/a /nope", stdout: "==> /tmp/a <==\na\n", stderr: "tail: cannot open '/nope' for reading: No such file or directory\n", exitCode: 1 },
  { name: "GNU tail -n 0 of a missing file does not even open it", image: GNU, script: "tail -n 0 /nope" },
  { name: "busybox tail of a directory: read error", image: BUSYBOX, script: "tail /tmp", stderr: "tail: read error: Is a directory\n", exitCode: 1 },
  { name: "GNU tail of a directory: error reading", image: GNU, script: "tail /tmp", stderr: "tail: error reading '/tmp': Is a directory\n", exitCode: 1 },
  { name: "busybox tail with a bad count", image: BUSYBOX, script: "tail -n x /tmp/n", stderr: "tail: invalid number 'x'\n", exitCode: 1 },
  { name: "GNU tail with a bad count", image: GNU, script: "tail -n x /tmp/n", stderr: "tail: invalid number of lines: 'x'\n", exitCode: 1 },
  { name: "GNU head with a bad byte count", image: GNU, script: "head -c x /tmp/n", stderr: "head: invalid number of bytes: 'x'\n", exitCode: 1 },
  { name: "GNU tail with an unknown option", image: GNU, script: "tail -k /tmp/n", stderr: "tail: invalid option -- 'k'\nTry 'tail --help' for more information.\n", exitCode: 1 },
  { name: "GNU tail -n without its value", image: GNU, script: "tail -n", stderr: "tail: option requires an argument -- 'n'\nTry 'tail --help' for more information.\n", exitCode: 1 },
  { name: "GNU tail with a number after other options", image: GNU, script: "tail -f -5 /tmp/n", stderr: "tail: option used in invalid context -- 5\n", exitCode: 1 },
  { name: "GNU tail --lines=N", image: GNU, script: "tail --lines=1 /tmp/n", stdout: "3\n" },
  { name: "GNU long options may be abbreviated", image: GNU, script: "tail --lin 1 /tmp/n", stdout: "3\n" },
  { name: "GNU tail --follow=bogus", image: GNU, script: "tail --follow=bogus /tmp/n", stderr: "tail: invalid argument 'bogus' for '--follow'\nValid arguments are:\n  - 'descriptor'\n  - 'name'\nUsage: tail [OPTION]... [FILE]...\nTry 'tail --help' for more information.\n", exitCode: 1 },
  { name: "GNU --retry without following is ignored, with a warning", image: GNU, script: "tail --retry -n 1 /tmp/n", stdout: "3\n", stderr: "tail: warning: --retry ignored; --retry is useful only when following\n" },
  { name: "GNU tail -F cannot follow stdin by name", image: GNU, script: "tail -F", stderr: "tail: cannot follow '-' by name\n", exitCode: 1 },
  { name: "busybox tail has no long options", image: BUSYBOX, script: "tail --lines=1 /tmp/n", stderr: `tail: unrecognized option '--lines=1'\n${BB_TAIL_USAGE}`, exitCode: 1 },
  { name: "busybox tail with an unknown option", image: BUSYBOX, script: "tail -k /tmp/n", stderr: `tail: invalid option -- 'k'\n${BB_TAIL_USAGE}`, exitCode: 1 },
  { name: "busybox head of a missing file", image: BUSYBOX, script: "head /nope", stderr: "head: can't open '/nope': No such file or directory\n", exitCode: 1 },
  { name: "GNU head of a missing file", image: GNU, script: "head /nope", stderr: "head: cannot open '/nope' for reading: No such file or directory\n", exitCode: 1 },
];

describe("each toolbox's own words", () => {
  it.each(wording)("$name", (c) => {
    expect(exec(c.image, c.script)).toEqual({ stdout: c.stdout ?? "", stderr: c.stderr ?? "", exitCode: c.exitCode ?? 0 });
  });
});
