import { describe, expect, it } from "vitest";
import { goMarshal } from "./go-json";
import { kindType } from "./patch-meta";
import type { JsonMap } from "./smp-lists";
import { strategicMergePatch } from "./strategic-merge";

const deployment = (containers: unknown[], extra: JsonMap = {}): JsonMap => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "patch-demo" },
  spec: { template: { spec: { containers, ...extra } } },
});

const pod = (spec: JsonMap, metadata: JsonMap = {}): JsonMap => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", ...metadata }, spec });

interface Case {
  readonly name: string;
  readonly original: JsonMap;
  readonly patch: JsonMap;
  readonly expected: JsonMap;
}

// Cases from kubernetes.io "Update API Objects in Place Using kubectl patch", and from
// the directives of apimachinery strategicpatch (preserve-order-in-strategic-merge-patch.md).
const CASES: readonly Case[] = [
  {
    name: "containers merge by name; a new container goes first (docs: patch-demo-ctr-2)",
    original: deployment([{ name: "patch-demo-ctr", image: "nginx" }]),
    patch: { spec: { template: { spec: { containers: [{ name: "patch-demo-ctr-2", image: "redis" }] } } } },
    expected: deployment([
      { name: "patch-demo-ctr-2", image: "redis" },
      { name: "patch-demo-ctr", image: "nginx" },
    ]),
  },
  {
    name: "tolerations have no patch strategy: the list is replaced (docs)",
    original: deployment([{ name: "c", image: "nginx" }], { tolerations: [{ effect: "NoSchedule", key: "dedicated", value: "test-team" }] }),
    patch: { spec: { template: { spec: { tolerations: [{ effect: "NoSchedule", key: "disktype", value: "ssd" }] } } } },
    expected: deployment([{ name: "c", image: "nginx" }], { tolerations: [{ effect: "NoSchedule", key: "disktype", value: "ssd" }] }),
  },
  {
    name: "$retainKeys clears the strategy fields not listed (docs: Recreate)",
    original: { kind: "Deployment", metadata: { name: "d" }, spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } } } },
    patch: { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } },
    expected: { kind: "Deployment", metadata: { name: "d" }, spec: { strategy: { type: "Recreate" } } },
  },
  {
    name: "an existing container is merged in place, fields kept",
    original: pod({ containers: [{ name: "a", image: "nginx", ports: [{ containerPort: 80 }] }, { name: "b", image: "busybox" }] }),
    patch: { spec: { containers: [{ name: "a", image: "nginx:1.25" }] } },
    expected: pod({ containers: [{ name: "a", image: "nginx:1.25", ports: [{ containerPort: 80 }] }, { name: "b", image: "busybox" }] }),
  },
  {
    name: "$patch: delete removes the element with that merge key",
    original: pod({ containers: [{ name: "a", image: "x" }, { name: "b", image: "y" }] }),
    patch: { spec: { containers: [{ name: "b", $patch: "delete" }] } },
    expected: pod({ containers: [{ name: "a", image: "x" }] }),
  },
  {
    name: "$patch: replace in a list replaces the whole list",
    original: pod({ containers: [{ name: "a", image: "x" }, { name: "b", image: "y" }] }),
    patch: { spec: { containers: [{ name: "c", image: "z" }, { $patch: "replace" }] } },
    expected: pod({ containers: [{ name: "c", image: "z" }] }),
  },
  {
    name: "$patch: replace in a map replaces the map",
    original: pod({}, { labels: { a: "1", b: "2" } }),
    patch: { metadata: { labels: { $patch: "replace", c: "3" } } },
    expected: pod({}, { labels: { c: "3" } }),
  },
  {
    name: "$patch: delete in a map empties it",
    original: pod({}, { labels: { a: "1" } }),
    patch: { metadata: { labels: { $patch: "delete" } } },
    expected: pod({}, { labels: {} }),
  },
  {
    name: "null deletes a key; an unmatched null is dropped",
    original: pod({}, { labels: { app: "web", tier: "fe" } }),
    patch: { metadata: { labels: { app: null, nothere: null } } },
    expected: pod({}, { labels: { tier: "fe" } }),
  },
  {
    name: "$deleteFromPrimitiveList removes from a merging list of scalars",
    original: pod({}, { finalizers: ["a", "b", "c"] }),
    patch: { metadata: { $deleteFromPrimitiveList: undefined, "$deleteFromPrimitiveList/finalizers": ["b"] } },
    expected: pod({}, { finalizers: ["a", "c"] }),
  },
  {
    name: "a merging list of scalars is a de-duplicated union, patch items first",
    original: pod({}, { finalizers: ["a", "b"] }),
    patch: { metadata: { finalizers: ["c", "a"] } },
    expected: pod({}, { finalizers: ["c", "a", "b"] }),
  },
  {
    name: "$setElementOrder puts the merged list in its order",
    original: pod({ containers: [{ name: "a", image: "x" }, { name: "b", image: "y" }] }),
    patch: { spec: { "$setElementOrder/containers": [{ name: "b" }, { name: "a" }], containers: [{ name: "a", image: "x2" }] } },
    expected: pod({ containers: [{ name: "b", image: "y" }, { name: "a", image: "x2" }] }),
  },
  {
    name: "ports merge by containerPort",
    original: pod({ containers: [{ name: "a", ports: [{ containerPort: 80, protocol: "TCP" }] }] }),
    patch: { spec: { containers: [{ name: "a", ports: [{ containerPort: 443 }] }] } },
    expected: pod({ containers: [{ name: "a", ports: [{ containerPort: 443 }, { containerPort: 80, protocol: "TCP" }] }] }),
  },
  {
    name: "env merges by name, an updated variable keeps its place",
    original: pod({ containers: [{ name: "a", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] }),
    patch: { spec: { containers: [{ name: "a", env: [{ name: "B", value: "3" }] }] } },
    expected: pod({ containers: [{ name: "a", env: [{ name: "A", value: "1" }, { name: "B", value: "3" }] }] }),
  },
  {
    name: "volumeMounts merge by mountPath",
    original: pod({ containers: [{ name: "a", volumeMounts: [{ name: "v", mountPath: "/data" }] }] }),
    patch: { spec: { containers: [{ name: "a", volumeMounts: [{ name: "w", mountPath: "/data" }] }] } },
    expected: pod({ containers: [{ name: "a", volumeMounts: [{ name: "w", mountPath: "/data" }] }] }),
  },
  {
    name: "volumes merge by name with $retainKeys, dropping the old source",
    original: pod({ volumes: [{ name: "v", emptyDir: {} }] }),
    patch: { spec: { volumes: [{ name: "v", hostPath: { path: "/x" }, $retainKeys: ["hostPath", "name"] }] } },
    expected: pod({ volumes: [{ name: "v", hostPath: { path: "/x" } }] }),
  },
  {
    name: "imagePullSecrets merge by name",
    original: pod({ imagePullSecrets: [{ name: "a" }] }),
    patch: { spec: { imagePullSecrets: [{ name: "b" }] } },
    expected: pod({ imagePullSecrets: [{ name: "b" }, { name: "a" }] }),
  },
  {
    name: "args (no strategy) are replaced",
    original: pod({ containers: [{ name: "a", args: ["x", "y"] }] }),
    patch: { spec: { containers: [{ name: "a", args: ["z"] }] } },
    expected: pod({ containers: [{ name: "a", args: ["z"] }] }),
  },
];

describe("strategicMergePatch", () => {
  it.each(CASES)("$name", ({ original, patch, expected }) => {
    const clean = JSON.parse(JSON.stringify(patch)) as JsonMap;
    const r = strategicMergePatch(original, clean, kindType(String(original.kind)));
    expect(r.ok && goMarshal(r.value)).toBe(goMarshal(expected));
  });

  it("does not change its inputs", () => {
    const original = pod({ containers: [{ name: "a", image: "x" }] });
    const before = goMarshal(original);
    strategicMergePatch(original, { spec: { containers: [{ name: "a", image: "y" }] } }, kindType("Pod"));
    expect(goMarshal(original)).toBe(before);
  });

  it.each<[string, JsonMap, string, string]>([
    ["a merge list element without its merge key", { spec: { containers: [{ image: "nginx" }] } }, "other", "map: map[image:nginx] does not contain declared merge key: name"],
    ["an unknown directive", { spec: { containers: [{ name: "a", $patch: "nope" }] } }, "other", "unknown patch type: nope in map: map[$patch:nope name:a]"],
    ["a $retainKeys that is not a list", { spec: { strategy: { $retainKeys: "type" } } }, "bad-request", "invalid patch format of retainKeys"],
    ["a merging list whose elements differ in type", { metadata: { finalizers: [["a"]] } }, "other", "list element types are not identical: [[x] [[a]]]"],
  ])("fails on %s", (_name, patch, cls, message) => {
    const original = { kind: "Pod", metadata: { name: "p", finalizers: ["x"] }, spec: { containers: [{ name: "a", image: "x" }], strategy: {} } };
    const r = strategicMergePatch(original, patch, kindType("Pod"));
    expect(r).toEqual({ ok: false, error: { class: cls, message } });
  });
});
