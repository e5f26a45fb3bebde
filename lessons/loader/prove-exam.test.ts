import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseExam } from "./exam";
import { formatProblem } from "./problem";
import { proveExam } from "./prove-exam";

const TINY = readFileSync(new URL("./testdata/exams/tiny-mock.yaml", import.meta.url), "utf8");
const FILE = "lessons/exams/tiny-mock.yaml";

async function prove(text: string): Promise<string[]> {
  const r = parseExam(text, FILE);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return (await proveExam(r.exam, [1, 2])).flatMap((p) => p.problems.map(formatProblem));
}

describe("proveExam", () => {
  it("proves the tiny mock for every draw", async () => {
    expect(await prove(TINY)).toEqual([]);
  });

  it("catches a task that passes before its solution, for every draw", async () => {
    const text = TINY.replace("solution: kubectl cordon cka2222-node2", "solution: kubectl cordon cka2222-node2\n    setup: kubectl cordon cka2222-node2");
    expect(await prove(text)).toEqual([
      `${FILE}:44: task cordon (draw 1): every check passes before the solution ran: it would be done before the learner starts`,
      `${FILE}:44: task cordon (draw 2): every check passes before the solution ran: it would be done before the learner starts`,
    ]);
  });

  it("catches a solution that does not solve its task, and one that undoes another's", async () => {
    const text = TINY.replace("solution: echo {{port}} > /opt/port.txt", "solution: echo {{port}}1 > /opt/port.txt").replace(
      "solution: kubectl cordon cka2222-node2",
      "solution: kubectl cordon cka2222-node2 && ssh cka1111 kubectl delete namespace {{ns}}",
    );
    const problems = await prove(text);
    expect(problems.filter((p) => p.includes("draw 1"))).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:26: task run-pod \\(draw 1\\): check 1 fails after the solution \\(all tasks solved\\): `)),
      expect.stringMatching(new RegExp(`^${FILE}:28: task run-pod \\(draw 1\\): check 2 fails after the solution \\(all tasks solved\\): `)),
      expect.stringMatching(new RegExp(`^${FILE}:41: task port-file \\(draw 1\\): check 1 fails after the solution \\(all tasks solved\\): expected `)),
    ]);
  });
});
