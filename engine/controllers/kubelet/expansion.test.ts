import { describe, expect, it } from "vitest";
import { expand } from "./expansion";

const vars: Record<string, string> = { HOST: "db", PORT: "5432", EMPTY: "" };

describe("$(VAR) expansion (third_party/forked/golang/expansion)", () => {
  it.each([
    ["$(HOST):$(PORT)", "db:5432"],
    ["$(MISSING)", "$(MISSING)"],
    ["$$(HOST)", "$(HOST)"],
    ["$$", "$"],
    ["cost $5", "cost $5"],
    ["$(HOST", "$(HOST"],
    ["$()", "$()"],
    ["x$(EMPTY)y", "xy"],
    ["trailing $", "trailing $"],
  ])("%s → %s", (input, out) => {
    expect(expand(input, (n) => vars[n])).toBe(out);
  });
});
