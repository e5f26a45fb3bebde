import { expectGolden } from "../../testing";
/**
 * describe.go's LimitRangeDescriber and ResourceQuotaDescriber. The goldens were written
 * by hand from describeLimitRange / describeQuota and Go's tabwriter (padding 2): the
 * Scopes help line has no tab, so it ends the first column block.
 */
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/object";
import { describeObject } from "./describe-object";
import { fakeContext } from "./test-support";

const NOW = "2026-01-27T10:00:00Z";

describe("describe limitrange", () => {
  it("prints one row per item and resource, `-` where nothing is set", async () => {
    const lr: KubeObject = {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "defaults", namespace: "dev" },
      spec: {
        limits: [
          { type: "Container", max: { cpu: "1", memory: "1Gi" }, min: { cpu: "100m", memory: "64Mi" }, default: { cpu: "500m", memory: "512Mi" }, defaultRequest: { cpu: "250m", memory: "256Mi" }, maxLimitRequestRatio: { cpu: "4" } },
          { type: "Pod", max: { cpu: "2", memory: "2Gi" } },
        ],
      },
    };
    await expectGolden("limitrange.txt", describeObject(lr, fakeContext(NOW)));
  });
});

describe("describe quota", () => {
  it("prints scopes with their help, and used amounts in the hard amount's units", async () => {
    const rq: KubeObject = {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: "compute", namespace: "dev" },
      spec: { scopes: ["NotTerminating"], hard: {} },
      status: {
        hard: { "limits.cpu": "2", "limits.memory": "2Gi", pods: "10", "requests.cpu": "1", "requests.memory": "1Gi" },
        // 268435456 was summed from a request in plain bytes; kubectl shows it as 256Mi beside 1Gi
        used: { "limits.cpu": "500m", "limits.memory": "0", pods: "1", "requests.cpu": "250m", "requests.memory": "268435456" },
      },
    };
    await expectGolden("resourcequota.txt", describeObject(rq, fakeContext(NOW)));
  });

  it("prints a quota the controller has not filled yet as an empty table", () => {
    const rq: KubeObject = { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "q", namespace: "default" }, spec: { hard: { pods: "1" } } };
    expect(describeObject(rq, fakeContext(NOW))).toBe("Name:       q\nNamespace:  default\nResource    Used  Hard\n--------    ----  ----\n");
  });
});
