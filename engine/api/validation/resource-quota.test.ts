/**
 * ResourceQuota validation through the API server. Expected texts follow validation.go
 * (ValidateResourceQuotaSpec, validateResourceQuotaScopes, ValidateResourceQuotaUpdate):
 * the scopes are shown as Go's `%#v` of the []core.ResourceQuotaScope.
 */
import { describe, expect, it } from "vitest";
import { Cluster } from "../../cluster";
import { DEFAULT_CLUSTER } from "../../bootstrap";
import { resolveResource, type ResourceType } from "../resources";
import { goQuantitySyntax } from "./go-quantity";

const quotas = resolveResource("quota") as ResourceType;
const START = Date.UTC(2026, 0, 27, 10, 0, 0);
const quota = (spec: unknown) => ({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "q" }, spec });

function create(spec: unknown): string {
  const r = Cluster.create(DEFAULT_CLUSTER, START, 1).api.create(quotas, "default", quota(spec));
  return r.ok ? "created" : r.error.message;
}

describe("ResourceQuota validation", () => {
  it.each<[string, unknown, string]>([
    ["compute and object counts", { hard: { pods: "10", "requests.cpu": "1", "limits.memory": "2Gi", "count/deployments.apps": "2", configmaps: "5" } }, "created"],
    ["a negative amount", { hard: { "requests.memory": "-1Gi" } }, 'ResourceQuota "q" is invalid: spec.hard[requests.memory]: Invalid value: "-1Gi": must be greater than or equal to 0'],
    ["a fraction of a pod", { hard: { pods: "1.5" } }, `ResourceQuota "q" is invalid: spec.hard[pods]: Invalid value: ${goQuantitySyntax("1.5")}: must be an integer`],
    [
      "a resource quota does not know",
      { hard: { cpus: "1" } },
      'ResourceQuota "q" is invalid: [spec.hard[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified, spec.hard[cpus]: Invalid value: "cpus": must be a standard resource for quota]',
    ],
    ["an unknown scope", { hard: { pods: "1" }, scopes: ["BestEfort"] }, 'ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEfort"}: unsupported scope'],
    [
      "a scope that cannot limit a resource",
      { hard: { pods: "1", "requests.cpu": "1" }, scopes: ["BestEffort"] },
      'ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: unsupported scope applied to resource',
    ],
    [
      "conflicting scopes",
      { hard: { pods: "1" }, scopes: ["Terminating", "NotTerminating"] },
      'ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"Terminating", "NotTerminating"}: conflicting scopes',
    ],
  ])("%s", (_name, spec, want) => {
    expect(create(spec)).toBe(want);
  });

  it("keeps the scopes it was created with", () => {
    const c = Cluster.create(DEFAULT_CLUSTER, START, 1);
    const created = c.api.create(quotas, "default", quota({ hard: { pods: "1" }, scopes: ["NotBestEffort"] }));
    if (!created.ok) throw new Error(created.error.message);
    const r = c.api.update(quotas, "default", { ...created.value.object, spec: { hard: { pods: "2" }, scopes: ["BestEffort"] } });
    expect(r.ok ? "updated" : r.error.message).toBe('ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: field is immutable');
  });

  it("stores canonical quantities and leaves status to the controller", () => {
    const r = Cluster.create(DEFAULT_CLUSTER, START, 1).api.create(quotas, "default", { ...quota({ hard: { "requests.cpu": 0.5, memory: "2048Mi" } }), status: { hard: { pods: "1" } } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.object.spec).toEqual({ hard: { "requests.cpu": "500m", memory: "2Gi" } });
    expect(r.value.object.status).toBeUndefined();
  });
});
