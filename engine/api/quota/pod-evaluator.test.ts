/** The pods quota evaluator (pods.go): usage, matching resources and scopes. */
import { describe, expect, it } from "vitest";
import { resourceListJson } from "../resource-list";
import type { Obj } from "./evaluator";
import { podEvaluator } from "./pod-evaluator";

const NOW = Date.UTC(2026, 0, 27, 10, 0, 0);
const c = (name: string, requests: Obj = {}, limits: Obj = {}, extra: Obj = {}): Obj => ({ name, resources: { requests, limits }, ...extra });
const pod = (spec: Obj, status: Obj = { phase: "Running" }, metadata: Obj = {}): Obj => ({ metadata, spec, status });
const usage = (p: Obj, now = NOW) => resourceListJson(podEvaluator.usage(p, now));

describe("pod usage", () => {
  it("adds the containers up and gives each quota name its share", () => {
    const p = pod({ containers: [c("a", { cpu: "250m", memory: "64Mi" }, { cpu: "500m", memory: "128Mi" }), c("b", { cpu: "250m", memory: "64Mi" }, { cpu: "1", memory: "128Mi" })] });
    expect(usage(p)).toEqual({
      "count/pods": "1",
      pods: "1",
      cpu: "500m",
      "requests.cpu": "500m",
      "limits.cpu": "1500m",
      memory: "128Mi",
      "requests.memory": "128Mi",
      "limits.memory": "256Mi",
    });
  });

  it("takes an init container's request when it is the largest, and adds sidecars", () => {
    const p = pod({
      containers: [c("app", { cpu: "100m" })],
      initContainers: [c("migrate", { cpu: "1" }), c("proxy", { cpu: "200m" }, {}, { restartPolicy: "Always" })],
    });
    expect(usage(p)["requests.cpu"]).toBe("1");
    const sidecarOnly = pod({ containers: [c("app", { cpu: "100m" })], initContainers: [c("proxy", { cpu: "200m" }, {}, { restartPolicy: "Always" })] });
    expect(usage(sidecarOnly)["requests.cpu"]).toBe("300m");
  });

  it.each<[string, Obj]>([
    ["has succeeded", pod({ containers: [c("a", { cpu: "1" })] }, { phase: "Succeeded" })],
    ["has failed", pod({ containers: [c("a", { cpu: "1" })] }, { phase: "Failed" })],
    ["is past its deletion grace period", pod({ containers: [c("a", { cpu: "1" })] }, { phase: "Running" }, { deletionTimestamp: "2026-01-27T09:59:00Z", deletionGracePeriodSeconds: 30 })],
  ])("counts only count/pods for a pod that %s", (_name, p) => {
    expect(usage(p)).toEqual({ "count/pods": "1" });
  });

  it("still charges a pod inside its deletion grace period", () => {
    expect(usage(pod({ containers: [c("a")] }, { phase: "Running" }, { deletionTimestamp: "2026-01-27T10:00:20Z", deletionGracePeriodSeconds: 30 }))).toEqual({ "count/pods": "1", pods: "1" });
  });
});

describe("pod quota names and scopes", () => {
  it("measures the compute and pod names, hugepages and extended requests, nothing else", () => {
    expect(podEvaluator.matchingResources(["secrets", "pods", "limits.cpu", "requests.hugepages-2Mi", "requests.example.com/gpu", "count/pods"]).sort()).toEqual(
      ["count/pods", "limits.cpu", "pods", "requests.example.com/gpu", "requests.hugepages-2Mi"].sort(),
    );
  });

  it.each<[string, string, Obj, boolean]>([
    ["BestEffort", "Exists", { containers: [c("a")] }, true],
    ["NotBestEffort", "Exists", { containers: [c("a", { cpu: "1" })] }, true],
    ["Terminating", "Exists", { activeDeadlineSeconds: 60, containers: [c("a")] }, true],
    ["NotTerminating", "Exists", { activeDeadlineSeconds: 60, containers: [c("a")] }, false],
    ["PriorityClass", "In", { priorityClassName: "high", containers: [c("a")] }, true],
    ["PriorityClass", "In", { containers: [c("a")] }, false],
    ["PriorityClass", "NotIn", { containers: [c("a")] }, true],
    ["PriorityClass", "NotIn", { priorityClassName: "high", containers: [c("a")] }, false],
    ["PriorityClass", "Exists", { priorityClassName: "low", containers: [c("a")] }, true],
    ["PriorityClass", "Exists", { containers: [c("a")] }, false],
    // podMatchesSelector's label set always holds the PriorityClass key, even empty
    ["PriorityClass", "DoesNotExist", { containers: [c("a")] }, false],
  ])("%s %s (%#)", (scopeName, operator, spec, want) => {
    expect(podEvaluator.matchesScope({ scopeName, operator, values: ["high"] }, pod(spec))).toBe(want);
  });
});
