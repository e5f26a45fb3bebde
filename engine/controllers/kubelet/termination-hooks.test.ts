import { describe, expect, it } from "vitest";
import { hookDurationMs } from "./termination";

describe("how long a preStop command keeps the container busy", () => {
  it.each([
    [["sleep", "5"], 5000],
    [["/bin/sh", "-c", "nginx -s quit; sleep 15"], 15_000],
    [["sh", "-c", "sleep 2 && echo bye && sleep 0.5"], 2500],
    [["sh", "-c", "echo bye"], 0],
    [["sh", "-c", "sleep $DELAY"], 0],
  ])("%j → %i ms", (command, ms) => {
    expect(hookDurationMs(command)).toBe(ms);
  });
});
