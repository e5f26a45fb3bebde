import { describe, expect, it } from "vitest";
import { goMarshal } from "./go-json";
import { kindType } from "./patch-meta";
import type { JsonMap } from "./smp-lists";
import { createThreeWayMergePatch, createTwoWayMergePatch, requireMetadataKeyUnchanged } from "./strategic-diff";
import { strategicMergePatch } from "./strategic-merge";

const deployment = (spec: JsonMap, labels: Record<string, string> = { app: "web" }): JsonMap => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", labels },
  spec,
});
const template = (containers: unknown[]): JsonMap => ({ template: { spec: { containers } } });

describe("createTwoWayMergePatch", () => {
  it.each<[string, JsonMap, JsonMap, string]>([
    [
      // the request body `kubectl set image deployment/web nginx=nginx:1.25 -v=8` logs
      "an image change (set image)",
      deployment(template([{ name: "nginx", image: "nginx" }])),
      deployment(template([{ name: "nginx", image: "nginx:1.25" }])),
      '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}',
    ],
    ["no change", deployment(template([{ name: "nginx", image: "nginx" }])), deployment(template([{ name: "nginx", image: "nginx" }])), "{}"],
    ["a removed label", deployment({}, { app: "web", tier: "fe" }), deployment({}, { app: "web" }), '{"metadata":{"labels":{"tier":null}}}'],
    [
      "a removed env var",
      deployment(template([{ name: "c", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }])),
      deployment(template([{ name: "c", env: [{ name: "B", value: "2" }] }])),
      '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"$setElementOrder/env":[{"name":"B"}],"env":[{"$patch":"delete","name":"A"}],"name":"c"}]}}}}',
    ],
    [
      "an added container",
      deployment(template([{ name: "a", image: "x" }])),
      deployment(template([{ name: "a", image: "x" }, { name: "b", image: "y" }])),
      '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"image":"y","name":"b"}]}}}}',
    ],
    [
      "a finalizer removed from a merging list of scalars",
      { kind: "Pod", metadata: { name: "p", finalizers: ["a", "b"] } },
      { kind: "Pod", metadata: { name: "p", finalizers: ["a"] } },
      '{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["a"]}}',
    ],
    [
      "a strategy changed under retainKeys",
      deployment({ strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%" } } }),
      deployment({ strategy: { type: "Recreate" } }),
      '{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}',
    ],
    ["tolerations, which are replaced", { kind: "Pod", spec: { tolerations: [{ key: "a" }] } }, { kind: "Pod", spec: { tolerations: [{ key: "b" }] } }, '{"spec":{"tolerations":[{"key":"b"}]}}'],
  ])("%s", (_name, original, modified, expected) => {
    const r = createTwoWayMergePatch(original, modified, kindType(String(original.kind)));
    expect(r.ok && goMarshal(r.value)).toBe(expected);
  });

  it.each<[string, JsonMap]>([
    ["container env", deployment(template([{ name: "c", image: "y", env: [{ name: "X", value: "1" }] }]))],
    ["labels and replicas", deployment({ replicas: 3 }, { tier: "db" })],
    ["volumes", { kind: "Pod", metadata: { name: "p" }, spec: { volumes: [{ name: "v", hostPath: { path: "/x" } }] } }],
  ])("gives a patch that turns the original into the modified object (%s)", (_name, modified) => {
    const original = deployment(template([{ name: "c", image: "x", env: [{ name: "A", value: "1" }] }]));
    const patch = createTwoWayMergePatch(original, modified, kindType(String(modified.kind)));
    const patched = patch.ok ? strategicMergePatch(original, patch.value, kindType(String(modified.kind))) : patch;
    expect(patched.ok && goMarshal(patched.value)).toBe(goMarshal(modified));
  });

  it("fails a precondition such as an unchanged name", () => {
    const r = createTwoWayMergePatch({ metadata: { name: "a" } }, { metadata: { name: "b" } }, kindType("Pod"), [requireMetadataKeyUnchanged("name")]);
    expect(r.ok).toBe(false);
  });
});

describe("createThreeWayMergePatch", () => {
  const live = (labels: Record<string, string>, image: string): JsonMap => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default", uid: "u", resourceVersion: "7", labels },
    spec: { containers: [{ name: "c", image, imagePullPolicy: "Always", terminationMessagePath: "/dev/termination-log" }], dnsPolicy: "ClusterFirst" },
    status: { phase: "Running" },
  });
  const manifest = (labels: Record<string, string>, image: string): JsonMap => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default", labels }, spec: { containers: [{ name: "c", image }] } });

  it.each<[string, JsonMap | undefined, JsonMap, JsonMap, string]>([
    ["nothing to do when the manifest matches", manifest({ app: "a" }, "nginx"), manifest({ app: "a" }, "nginx"), live({ app: "a" }, "nginx"), "{}"],
    ["a label removed from the file is removed", manifest({ app: "a", tier: "fe" }, "nginx"), manifest({ app: "a" }, "nginx"), live({ app: "a", tier: "fe" }, "nginx"), '{"metadata":{"labels":{"tier":null}}}'],
    ["a label others added is kept", manifest({ app: "a" }, "nginx"), manifest({ app: "a" }, "nginx"), live({ app: "a", extra: "1" }, "nginx"), "{}"],
    [
      "a changed image",
      manifest({ app: "a" }, "nginx"),
      manifest({ app: "a" }, "nginx:1.25"),
      live({ app: "a" }, "nginx"),
      '{"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"image":"nginx:1.25","name":"c"}]}}',
    ],
    ["no last-applied configuration: nothing is deleted", undefined, manifest({ app: "a" }, "nginx"), live({ app: "a", run: "p" }, "nginx"), "{}"],
    ["a field set in the file but changed on the server is set back", manifest({ app: "a" }, "nginx"), manifest({ app: "a" }, "nginx"), live({ app: "b" }, "nginx"), '{"metadata":{"labels":{"app":"a"}}}'],
  ])("%s", (_name, original, modified, current, expected) => {
    const r = createThreeWayMergePatch(original, modified, current, kindType("Pod"));
    expect(r.ok && goMarshal(r.value)).toBe(expected);
  });
});
