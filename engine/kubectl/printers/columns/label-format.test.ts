import { describe, expect, it } from "vitest";
import { formatLabels, formatLabelSelector, selectorString } from "./label-format";

describe("formatLabels", () => {
  it.each<[Record<string, string> | undefined, string]>([
    [undefined, "<none>"],
    [{}, "<none>"],
    [{ run: "nginx" }, "run=nginx"],
    // labels.Set.String sorts the k=v strings, so "a.b=…" comes before "a=…" ('.' < '=').
    [{ a: "1", "a.b": "2", B: "3" }, "B=3,a.b=2,a=1"],
    [{ "node-role.kubernetes.io/control-plane": "" }, "node-role.kubernetes.io/control-plane="],
  ])("%j → %s", (labels, expected) => {
    expect(formatLabels(labels)).toBe(expected);
  });
});

describe("label selectors", () => {
  it.each([
    [{ matchLabels: { app: "web" } }, "app=web"],
    [{ matchLabels: { tier: "front", app: "web" } }, "app=web,tier=front"],
    [{ matchExpressions: [{ key: "env", operator: "NotIn", values: ["qa", "dev"] }] }, "env notin (dev,qa)"],
    [{ matchExpressions: [{ key: "env", operator: "In", values: ["prod"] }, { key: "canary", operator: "DoesNotExist" }] }, "!canary,env in (prod)"],
  ])("%j → %s", (selector, expected) => {
    expect(selectorString(selector)).toBe(expected);
    expect(formatLabelSelector(selector)).toBe(expected);
  });

  it("treats an empty or missing selector as none", () => {
    expect(selectorString(undefined)).toBe("");
    expect(selectorString({})).toBe("");
    expect(formatLabelSelector({})).toBe("<none>");
    expect(formatLabelSelector(undefined)).toBe("<none>");
  });

  it.each([
    [{ matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] }],
    [{ matchExpressions: [{ key: "a", operator: "In", values: [] }] }],
    [{ matchExpressions: [{ key: "a", operator: "Near" }] }],
  ])("rejects the invalid selector %j", (selector) => {
    expect(selectorString(selector)).toBeUndefined();
    expect(formatLabelSelector(selector)).toBe("<error>");
  });
});
