/**
 * LimitRange validation through the API server, so the LimitRange defaults run first as
 * they do for real. Expected texts follow validation.go ValidateLimitRange line by line;
 * a Quantity shown by value prints as Go's `%#v` of it (go-quantity.ts).
 */
import { describe, expect, it } from "vitest";
import { Cluster } from "../../cluster";
import { DEFAULT_CLUSTER } from "../../bootstrap";
import { resolveResource, type ResourceType } from "../resources";
import { goQuantitySyntax } from "./go-quantity";

const limitranges = resolveResource("limits") as ResourceType;
const START = Date.UTC(2026, 0, 27, 10, 0, 0);

function create(limits: unknown[]): string {
  const c = Cluster.create(DEFAULT_CLUSTER, START, 1);
  const r = c.api.create(limitranges, "default", { apiVersion: "v1", kind: "LimitRange", metadata: { name: "lr" }, spec: { limits } });
  return r.ok ? "created" : r.error.message;
}

const q = goQuantitySyntax;
const many = (...causes: string[]) => `LimitRange "lr" is invalid: [${causes.join(", ")}]`;

describe("LimitRange validation", () => {
  it.each<[string, unknown[], string]>([
    ["a valid Container item", [{ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "250m" }, max: { cpu: "1" }, min: { cpu: "100m" } }], "created"],
    [
      // default and defaultRequest both come from max; only the comparisons with min fail
      "min above max",
      [{ type: "Container", min: { cpu: "2" }, max: { cpu: "1" } }],
      many(
        `spec.limits[0].min[cpu]: Invalid value: ${q("2")}: min value 2 is greater than max value 1`,
        `spec.limits[0].defaultRequest[cpu]: Invalid value: ${q("1")}: min value 2 is greater than default request value 1`,
        `spec.limits[0].default[cpu]: Invalid value: ${q("2")}: min value 2 is greater than default value 1`,
      ),
    ],
    [
      // defaultRequest is defaulted from default; the default error shows max's value, as validation.go passes it
      "a default above max",
      [{ type: "Container", default: { memory: "2Gi" }, max: { memory: "1Gi" } }],
      many(
        `spec.limits[0].defaultRequest[memory]: Invalid value: ${q("2Gi")}: default request value 2Gi is greater than max value 1Gi`,
        `spec.limits[0].default[memory]: Invalid value: ${q("1Gi")}: default value 2Gi is greater than max value 1Gi`,
      ),
    ],
    [
      "a default request above the default",
      [{ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "1" } }],
      `LimitRange "lr" is invalid: spec.limits[0].defaultRequest[cpu]: Invalid value: ${q("1")}: default request value 1 is greater than default limit value 500m`,
    ],
    ["defaults on a Pod item", [{ type: "Pod", default: { cpu: "1" }, max: { cpu: "2" } }], "LimitRange \"lr\" is invalid: spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'"],
    ["the same type twice", [{ type: "Container", max: { cpu: "1" } }, { type: "Container", max: { memory: "1Gi" } }], 'LimitRange "lr" is invalid: spec.limits[1].type: Duplicate value: "Container"'],
    ["a type in the wrong case", [{ type: "container", max: { cpu: "1" } }], 'LimitRange "lr" is invalid: spec.limits[0].type: Invalid value: "container": must be a standard limit type or fully qualified'],
    [
      "a resource a container cannot have",
      [{ type: "Pod", max: { cpus: "2" } }],
      many('spec.limits[0].max[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified', 'spec.limits[0].max[cpus]: Invalid value: "cpus": must be a standard resource for containers'),
    ],
    ["a ratio below 1", [{ type: "Pod", maxLimitRequestRatio: { cpu: "500m" } }], `LimitRange "lr" is invalid: spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: ${q("500m")}: ratio 500m is less than 1`],
    [
      "a ratio above max/min",
      [{ type: "Pod", min: { cpu: "1" }, max: { cpu: "2" }, maxLimitRequestRatio: { cpu: "3" } }],
      `LimitRange "lr" is invalid: spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: ${q("3")}: ratio 3 is greater than max/min = 2.000000`,
    ],
    [
      "a PersistentVolumeClaim item without storage",
      [{ type: "PersistentVolumeClaim", max: { cpu: "1" } }],
      "LimitRange \"lr\" is invalid: spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided",
    ],
  ])("%s", (_name, limits, want) => {
    expect(create(limits)).toBe(want);
  });

  it("refuses a value that is no quantity while decoding (ParseQuantity's error)", () => {
    expect(create([{ type: "Container", max: { memory: "1GB" } }])).toBe(
      "LimitRange in version \"v1\" cannot be handled as a LimitRange: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });
});

describe("LimitRange defaults and storage", () => {
  it("fills default from max, defaultRequest from default then min, and stores canonical quantities", () => {
    const c = Cluster.create(DEFAULT_CLUSTER, START, 1);
    const r = c.api.create(limitranges, "default", {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "lr" },
      spec: { limits: [{ type: "Container", max: { cpu: 2, memory: "1024Mi" }, min: { memory: "0.5Gi" } }, { type: "Pod", max: { cpu: "4" } }] },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.object.spec).toEqual({
      limits: [
        { type: "Container", max: { cpu: "2", memory: "1Gi" }, min: { memory: "512Mi" }, default: { cpu: "2", memory: "1Gi" }, defaultRequest: { cpu: "2", memory: "1Gi" } },
        { type: "Pod", max: { cpu: "4" } },
      ],
    });
  });
});
