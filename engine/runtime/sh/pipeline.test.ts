/**
 * Pipelines as the kernel runs them: every stage a process, all at once, output flowing as
 * it is produced. A follower feeding a filter keeps its container Running and the filter's
 * lines show in the log when they arrive; a reader that exits early kills its writer with
 * SIGPIPE at the writer's next write; a stage that needs all its input waits for the end.
 */
import { describe, expect, it } from "vitest";
import { SimulatedRuntime } from "../simulated-runtime";
import { T0, logText, running } from "../test-support";
import type { RuntimeState } from "../types";

const S = 1000;
/** Appends "line N xP" (P: N mod 2) to /tmp/f every 2 s from T0, in the background. */
const WRITER = '(i=0; while true; do i=$((i+1)); echo "line $i x$((i%2))" >> /tmp/f; sleep 2; done) & ';

function follow(filter: string, image = "busybox:1.36"): SimulatedRuntime {
  return running({ image, command: ["sh", "-c", `${WRITER}tail -F /tmp/f 2>/dev/null | ${filter}`] });
}

/** The log as `seconds text`. */
function timed(rt: SimulatedRuntime, id = "c"): string[] {
  return rt.logs(id).map((l) => `${(l.time - T0) / S} ${l.text}`);
}

describe("a follower feeding a filter", () => {
  it.each([
    ["grep x1", ["1 line 1 x1", "5 line 3 x1", "9 line 5 x1"]],
    ["grep -n x0", ["3 2:line 2 x0", "7 4:line 4 x0"]],
    ["sed -n 's/x1/ODD/p'", ["1 line 1 ODD", "5 line 3 ODD", "9 line 5 ODD"]],
    ["sed 's/^/[app] /'", ["1 [app] line 1 x1", "3 [app] line 2 x0", "5 [app] line 3 x1", "7 [app] line 4 x0", "9 [app] line 5 x1"]],
    ["awk '/x0/ {print NR, $2}'", ["3 2 2", "7 4 4"]],
    ["cut -d' ' -f2", ["1 1", "3 2", "5 3", "7 4", "9 5"]],
    ["tr a-z A-Z", ["1 LINE 1 X1", "3 LINE 2 X0", "5 LINE 3 X1", "7 LINE 4 X0", "9 LINE 5 X1"]],
    ["cat", ["1 line 1 x1", "3 line 2 x0", "5 line 3 x1", "7 line 4 x0", "9 line 5 x1"]],
    ["while read l; do echo \"got $l\"; done", ["1 got line 1 x1", "3 got line 2 x0", "5 got line 3 x1", "7 got line 4 x0", "9 got line 5 x1"]],
  ])("%s: the container keeps Running, each line logged when it arrives", (filter, lines) => {
    const rt = follow(filter);
    expect(rt.step("c", T0 + 10 * S).kind).toBe("running");
    expect(timed(rt)).toEqual(lines);
  });

  it("works the same on a GNU toolbox (nginx)", () => {
    const rt = follow("grep x1", "nginx:1.27.5");
    expect(rt.step("c", T0 + 6 * S).kind).toBe("running");
    expect(timed(rt)).toEqual(["1 line 1 x1", "5 line 3 x1"]);
  });

  it("a stage that needs all its input (wc -l) prints nothing while the follower runs", () => {
    const rt = follow("wc -l");
    expect(rt.step("c", T0 + 10 * S).kind).toBe("running");
    expect(timed(rt)).toEqual([]);
  });

  it("ps shows each stage as a process of its own", () => {
    const rt = follow("grep x1");
    expect(rt.exec("c", ["ps"], "", T0 + 3 * S).stdout).toBe(
      "PID   USER     TIME  COMMAND\n" +
        `    1 root      0:00 sh -c ${WRITER}tail -F /tmp/f 2>/dev/null | grep x1\n` +
        "    7 root      0:00 sh\n" +
        "    8 root      0:00 tail -F /tmp/f\n" +
        "    9 root      0:00 grep x1\n" +
        "   12 root      0:00 ps\n",
    );
  });

  it("resumes after a snapshot taken while the stages wait", () => {
    const rt = follow("sed 's/x/X/'");
    rt.step("c", T0 + 4 * S);
    const restored = new SimulatedRuntime(JSON.parse(JSON.stringify(rt.toState())) as RuntimeState);
    restored.step("c", T0 + 10 * S);
    expect(timed(restored)).toEqual(["1 line 1 X1", "3 line 2 X0", "5 line 3 X1", "7 line 4 X0", "9 line 5 X1"]);
  });
});

describe("a reader that ends first", () => {
  it("head -n 2 after tail -F: tail dies of SIGPIPE when it writes the third line, and the container completes", () => {
    const rt = follow("head -n 2");
    expect(rt.step("c", T0 + 10 * S)).toEqual({ kind: "exited", exitCode: 0, reason: "Completed", at: T0 + 5 * S });
    expect(timed(rt)).toEqual(["1 line 1 x1", "3 line 2 x0"]);
  });

  it.each([
    ["while true; do echo y; done | head -n 3", "y\ny\ny\n"],
    ["while true; do echo y; done | grep -m 2 y", "y\ny\n"],
    ["while true; do echo y; done | grep -q y; echo $?", "0\n"],
    ["while true; do echo y; done | sed 2q", "y\ny\n"],
    ["while true; do echo y; done | awk 'NR == 2 { print; exit }'", "y\n"],
  ])("%s ends the endless writer", (script, stdout) => {
    const rt = running({ command: ["sleep", "3600"] });
    expect(rt.exec("c", ["sh", "-c", script], "", T0 + S)).toEqual({ stdout, stderr: "", exitCode: 0 });
  });

  it("a writer whose reader has gone exits 141 (128 + SIGPIPE)", () => {
    const rt = running({ command: ["sleep", "3600"] });
    const r = rt.exec("c", ["sh", "-c", "(while true; do echo y; done; echo never >&2) | true; echo done"], "", T0 + S);
    expect(r).toEqual({ stdout: "done\n", stderr: "", exitCode: 0 });
  });
});

describe("pipeline semantics", () => {
  const cases: [string, string, number?][] = [
    ["false | true; echo $?", "0\n"],
    ["true | false; echo $?", "1\n"],
    ["! true | false; echo $?", "0\n"],
    ["! echo x | grep -q x; echo $?", "1\n"],
    ["printf 'b\\na\\nb\\n' | sort | uniq -c", "      1 a\n      2 b\n"],
    ["seq 1 5 | wc -l", "5\n"],
    // every stage is a subshell: what the last one sets stays there (ash has no lastpipe)
    ["x=1; echo 2 | read x; echo $x", "1\n"],
    ["echo 'a b' | { read x y; echo \"$y $x\"; }", "b a\n"],
    ["printf 'one\\ntwo\\n' | while read l; do echo \"<$l>\"; done", "<one>\n<two>\n"],
    // a line continued with a backslash waits for the rest, however late it comes
    ["(printf 'a\\\\\\n'; sleep 1; echo b) | { read x; echo \"$x\"; }", "ab\n"],
    ["echo hi | cat | cat | tr h H", "Hi\n"],
    ["echo 'echo from a pipe' | sh", "from a pipe\n"],
    ["cat <<EOF | grep b\na\nb\nEOF", "b\n"],
    // a stage that never reads its stdin does not wait for its writer
    ["sleep 3 | echo at once; date +%S", "at once\n04\n"],
  ];
  it.each(cases)("%s", (script, stdout) => {
    const rt = running({ command: ["sleep", "3600"] });
    expect(rt.exec("c", ["sh", "-c", script], "", T0 + S)).toEqual({ stdout, stderr: "", exitCode: 0 });
  });

  it("reads the exec's stdin in its first stage", () => {
    const rt = running({ command: ["sleep", "3600"] });
    expect(rt.exec("c", ["sh", "-c", "grep b | tr a-z A-Z"], "a\nb\n", T0 + S)).toEqual({ stdout: "B\n", stderr: "", exitCode: 0 });
  });

  it("sends every stage's errors to the shell's stderr", () => {
    const rt = running({ command: ["sleep", "3600"] });
    expect(rt.exec("c", ["sh", "-c", "cat /nope | wc -l"], "", T0 + S)).toEqual({ stdout: "0\n", stderr: "cat: can't open '/nope': No such file or directory\n", exitCode: 0 });
  });

  it("an exec whose pipeline never ends is cut off, with what it printed", () => {
    const rt = running({ command: ["sh", "-c", "while true; do echo tick >> /tmp/t; sleep 1; done"] });
    const r = rt.exec("c", ["sh", "-c", "tail -f /tmp/t | grep tick"], "", T0 + 2500);
    expect(r).toEqual({ stdout: "tick\ntick\ntick\n", stderr: "", exitCode: 137 });
  });

  it("a writer far ahead of a slow reader waits on the full pipe", () => {
    const rt = running({ command: ["sh", "-c", "while true; do echo yyyyyyyy; done | (sleep 5; head -n 1); echo end"] });
    expect(rt.step("c", T0 + 10 * S)).toEqual({ kind: "exited", exitCode: 0, reason: "Completed", at: T0 + 5 * S });
    expect(logText(rt)).toBe("yyyyyyyy\nend\n");
  });
});
