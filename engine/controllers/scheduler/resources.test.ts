import { describe, expect, it } from "vitest";
import type { Pod } from "kubernetes-types/core/v1";
import { allocatableOf, nonZeroRequests, podRequests } from "./resources";

type Obj = Record<string, unknown>;

const c = (name: string, requests?: Record<string, string>, extra: Obj = {}) => ({ name, image: "busybox", ...(requests ? { resources: { requests } } : {}), ...extra });
const podOf = (spec: Obj) => ({ spec }) as unknown as Pod;

describe("podRequests (the effective request rule)", () => {
  it.each<[string, Obj, { milliCPU: number; memory: number }]>([
    ["containers add up", { containers: [c("a", { cpu: "250m", memory: "64Mi" }), c("b", { cpu: "0.5", memory: "128Mi" })] }, { milliCPU: 750, memory: 192 * 2 ** 20 }],
    ["an init container needing more than the containers sets the request", { initContainers: [c("init", { cpu: "1" })], containers: [c("a", { cpu: "250m" })] }, { milliCPU: 1000, memory: 0 }],
    ["an init container needing less changes nothing", { initContainers: [c("init", { cpu: "100m" })], containers: [c("a", { cpu: "250m" })] }, { milliCPU: 250, memory: 0 }],
    [
      "a sidecar runs beside the containers and every later init container",
      { initContainers: [c("side", { cpu: "200m" }, { restartPolicy: "Always" }), c("init", { cpu: "1" })], containers: [c("a", { cpu: "250m" })] },
      { milliCPU: 1200, memory: 0 },
    ],
    [
      "an init container before the sidecar runs without it",
      { initContainers: [c("init", { cpu: "400m" }), c("side", { cpu: "200m" }, { restartPolicy: "Always" })], containers: [c("a", { cpu: "250m" })] },
      { milliCPU: 450, memory: 0 },
    ],
    ["pod-level requests replace the containers' sum", { resources: { requests: { cpu: "2" } }, containers: [c("a", { cpu: "250m", memory: "1Gi" })] }, { milliCPU: 2000, memory: 2 ** 30 }],
    ["the RuntimeClass overhead is added", { overhead: { cpu: "100m", memory: "10Mi" }, containers: [c("a", { cpu: "250m" })] }, { milliCPU: 350, memory: 10 * 2 ** 20 }],
    ["decimal memory units", { containers: [c("a", { memory: "1G" })] }, { milliCPU: 0, memory: 1e9 }],
    ["fractions of a millicore round up", { containers: [c("a", { cpu: "0.0001" })] }, { milliCPU: 1, memory: 0 }],
  ])("%s", (_name, spec, want) => {
    const r = podRequests(podOf(spec));
    expect({ milliCPU: r.milliCPU, memory: r.memory }).toEqual(want);
  });

  it("keeps extended resources and hugepages, not pods", () => {
    const r = podRequests(podOf({ containers: [c("a", { "example.com/gpu": "2", "hugepages-2Mi": "4Mi", pods: "3" })] }));
    expect(r.scalar).toEqual({ "example.com/gpu": 2, "hugepages-2Mi": 4 * 2 ** 20 });
    expect(r.allowedPodNumber).toBe(0);
  });
});

describe("nonZeroRequests (what scoring assumes)", () => {
  it.each<[string, Obj, { milliCPU: number; memory: number }]>([
    ["a container without requests counts as 100m and 200Mi", { containers: [c("a")] }, { milliCPU: 100, memory: 200 * 2 ** 20 }],
    ["only the missing one is filled in", { containers: [c("a", { cpu: "1" })] }, { milliCPU: 1000, memory: 200 * 2 ** 20 }],
    ["per container", { containers: [c("a"), c("b", { memory: "1Gi" })] }, { milliCPU: 200, memory: 200 * 2 ** 20 + 2 ** 30 }],
  ])("%s", (_name, spec, want) => {
    expect(nonZeroRequests(podOf(spec))).toEqual(want);
  });
});

it("reads a node's allocatable", () => {
  expect(allocatableOf({ cpu: "2", memory: "4091904Ki", pods: "110", "ephemeral-storage": "19586931083" })).toEqual({ milliCPU: 2000, memory: 4091904 * 1024, ephemeralStorage: 19586931083, allowedPodNumber: 110, scalar: {} });
});
