import { describe, expect, it } from "vitest";
import { fakeWorld, newTestShell, runIn } from "./test-support";
import { LIMITS } from "./limits";

describe("a learner's input never hangs or floods the server", () => {
  it.each([
    ["while true; do :; done", "bash: step limit exceeded: more than 100000 commands or loop iterations in one run\n"],
    ["until false; do echo -n; done", "bash: step limit exceeded: more than 100000 commands or loop iterations in one run\n"],
    ["for i in $(seq 1 200000); do :; done", "bash: step limit exceeded: more than 100000 commands or loop iterations in one run\n"],
    ["f() { f; }; f", "bash: maximum nesting level exceeded (100)\n"],
    ["x=a; while true; do x=$x$x; done", "bash: x: value too large (more than 1048576 bytes)\n"],
    ["seq 1 10000000 | wc -l", "\nbash: output limit exceeded: more than 16777216 bytes produced in one run\n"],
  ])("%s stops quickly with a clear error", async (line, stderr) => {
    const shell = newTestShell();
    const started = performance.now();
    const r = await runIn(shell, `${line}; echo not reached`);
    expect(r).toEqual({ stdout: "", stderr, status: 1 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await runIn(shell, "echo still works")).toEqual({ stdout: "still works\n", stderr: "", status: 0 });
  });

  it("cuts terminal output at 1 MiB", async () => {
    const r = await runIn(newTestShell(), "seq 1 300000; echo not reached");
    expect(r.stdout).toHaveLength(LIMITS.terminalOutput);
    expect(r.stdout.startsWith("1\n2\n3\n")).toBe(true);
    expect(r).toMatchObject({ stderr: "\nbash: output limit exceeded: more than 1048576 bytes in one run\n", status: 1 });
  });

  it("stops awk's own endless loops", async () => {
    const r = await runIn(newTestShell(), "awk 'BEGIN { while (1) x++ }'; echo $?");
    expect(r).toEqual({ stdout: "2\n", stderr: "awk: step limit exceeded (more than 1000000 statements)\n", status: 0 });
  });

  it("refuses input over 1 MiB", async () => {
    const r = await runIn(newTestShell(), `echo ${"x".repeat(LIMITS.input)}`);
    expect(r).toEqual({ stdout: "", stderr: `bash: input too long: ${LIMITS.input + 5} bytes (the limit is ${LIMITS.input})\n`, status: 1 });
  });

  it("Ctrl-C stops the running command and everything after it", async () => {
    const world = fakeWorld();
    const ctrlC = new AbortController();
    const shell = newTestShell({ ...world, host: { ...world.host, sleep: async () => ctrlC.abort() } });
    const r = await runIn(shell, "echo before; sleep 100; echo after", { signal: ctrlC.signal });
    expect(r).toEqual({ stdout: "before\n", stderr: "", status: 130 });
    expect(await runIn(shell, "echo $?")).toEqual({ stdout: "130\n", stderr: "", status: 0 });
  });

  it("a full disk gives No space left on device", async () => {
    const r = await runIn(newTestShell(), "seq 1 1500000 > /tmp/big; echo $?; ls /tmp; echo x > /tmp/small; cat /tmp/small");
    expect(r).toEqual({ stdout: "0\nbig\nx\n", stderr: "bash: /tmp/big: write error: No space left on device\n", status: 0 });
  });
});

describe("random input never breaks the shell", () => {
  const atoms = ["echo", "ls", "cat", "k", "$x", "${y:-z}", "$(echo a)", "`ls`", "|", "||", "&&", ";", ">", "<", "2>&1", "<<EOF\nbody $x\nEOF\n", "'q'", '"dq $x"', "*", "[a]", "{a,b}", "(", ")", "{", "}", "if", "then", "fi", "for", "in", "do", "done", "while", "case", "esac", "x=1", "$((1+2))", "\\", "!", "&", "#", "~", "awk '{print $1}'", "sed s/a/b/", "<(echo hi)", "[[", "]]", "[", "]", "$@", "f()", "local", "read", "exit", "return", "break", "ssh", "node01", "\n", "eval", "source", "xargs", "${x[@]}", "a=(1 2)"];

  it("runs 300 generated command lines without an internal error", async () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + rnd(10) }, () => atoms[rnd(atoms.length)]).join(" ");
      const r = await runIn(newTestShell(), text);
      expect(r.stderr, text).not.toContain("internal error");
      expect(Number.isInteger(r.status), text).toBe(true);
    }
  });
});
