import { describe, expect, it } from "vitest";
import { DueQueue } from "./due-queue";

type Step = readonly ["set", string, number | undefined] | readonly ["due", number, readonly string[]];

describe("DueQueue", () => {
  it.each<[string, readonly Step[]]>([
    ["nothing is due before its time", [["set", "a", 100], ["due", 99, []], ["due", 100, ["a"]]]],
    ["a key stays due until its time moves on", [["set", "a", 100], ["due", 150, ["a"]], ["due", 150, ["a"]], ["set", "a", 200], ["due", 150, []], ["due", 200, ["a"]]]],
    ["a key whose time goes is no longer due", [["set", "a", 100], ["due", 100, ["a"]], ["set", "a", undefined], ["due", 300, []]]],
    ["a key moved later is not due at its old time", [["set", "a", 100], ["set", "a", 500], ["due", 400, []], ["due", 500, ["a"]]]],
    ["a key moved earlier is due at its new time", [["set", "a", 500], ["set", "a", 100], ["due", 100, ["a"]]]],
    ["only the keys whose time has come", [["set", "a", 300], ["set", "b", 100], ["set", "c", 200], ["due", 250, ["b", "c"]], ["due", 300, ["a", "b", "c"]]]],
  ])("%s", (_, steps) => {
    const q = new DueQueue();
    for (const step of steps) {
      if (step[0] === "set") q.set(step[1], step[2]);
      else expect(q.due(step[1]).sort()).toEqual(step[2]);
    }
  });

  it("keeps the right answer through many moves of the same keys", () => {
    const q = new DueQueue();
    for (let round = 0; round < 1000; round++) for (const key of ["a", "b", "c"]) q.set(key, 10_000 + round);
    q.set("b", 50);
    expect(q.due(49)).toEqual([]);
    expect(q.due(50)).toEqual(["b"]);
    expect(q.due(10_999).sort()).toEqual(["a", "b", "c"]);
  });
});
