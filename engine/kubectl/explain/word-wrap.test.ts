import { describe, expect, it } from "vitest";
import { wrapString } from "./word-wrap";

describe("wrapString", () => {
  // From go-wordwrap's own tests.
  it.each([
    ["foo", "foo", 4],
    ["foobarbaz", "foobarbaz", 4],
    ["foo bar baz", "foo\nbar\nbaz", 4],
    ["foo\nb ar\nbaz", "foo\nb ar\nbaz", 4],
    ["foo       \nb ar\nbaz", "foo\nb ar\nbaz", 4],
  ])("%j at %#", (input, output, lim) => {
    expect(wrapString(input, lim)).toBe(output);
  });

  // kubectl v1.35, `explain deployment.spec.strategy.rollingUpdate`: a line may reach the
  // limit exactly, a URL longer than the limit gets a line of its own.
  it.each([
    [
      "The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%).",
      76,
      "The maximum number of pods that can be scheduled above the desired number of\npods. Value can be an absolute number (ex: 5) or a percentage of desired\npods (ex: 10%).",
    ],
    [
      "Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes\n",
      76,
      "Periodic probe of container service readiness. Container will be removed\nfrom service endpoints if the probe fails. Cannot be updated. More info:\nhttps://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes\n",
    ],
  ])("wraps a real description at %#", (input, lim, output) => {
    expect(wrapString(input, lim)).toBe(output);
  });

  it("counts code points, not UTF-16 units", () => {
    expect(wrapString("ab 😀😀", 4)).toBe("ab\n😀😀");
    expect(wrapString("a 😀😀", 4)).toBe("a 😀😀");
  });

  it("does not break at a non-breaking space", () => {
    expect(wrapString("aa\u00a0bbb", 5)).toBe("aa\u00a0bbb");
    expect(wrapString("aa bbb", 5)).toBe("aa\nbbb");
  });
});
