import { describe, expect, it } from "vitest";
import { fakeWorld, newTestShell, runIn } from "./test-support";
import golden from "./testdata/gnu-golden.json";

/**
 * Replays testdata/gnu-golden.json: each case's stdout, stderr and exit status as printed by real
 * GNU bash 5.2, coreutils 9.1, grep 3.8, sed 4.9 and mawk 1.3.4 (LANG=C), recorded by
 * testdata/record-golden.sh, against the simulated shell on the same fixture files.
 */
describe("behaves like GNU bash and coreutils", () => {
  it.each(golden.cases.map((c) => [c.cmd, c] as const))("%s", async (_cmd, c) => {
    const shell = newTestShell(fakeWorld());
    const setup = await runIn(shell, golden.fixture);
    expect(setup).toEqual({ stdout: "", stderr: "", status: 0 });
    const got = await runIn(shell, c.cmd, { tty: false });
    expect({ stdout: got.stdout, stderr: got.stderr, status: got.status }).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status });
  });
});
