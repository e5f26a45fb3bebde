import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { explain, explainArgument, type ExplainResult } from "./explain";

const golden = (file: string) => path.join(__dirname, "testdata", file);
const value = (r: ExplainResult) => (r.ok ? r.value : `ERROR ${r.error}`);

// Provenance of each file: testdata/README.md.
describe("golden outputs", () => {
  it.each([
    ["pod", false, "pod.txt"],
    ["pod.spec.containers", false, "pod.spec.containers.txt"],
    ["pod.spec.containers.resources", false, "pod.spec.containers.resources.txt"],
    ["deployment.spec.strategy", false, "deployment.spec.strategy.txt"],
    ["deployment.spec.strategy", true, "deployment.spec.strategy.recursive.txt"],
    ["deployment.spec.strategy.rollingUpdate", false, "deployment.spec.strategy.rollingUpdate.txt"],
  ])("kubectl explain %s (recursive: %s)", (arg, recursive, file) => {
    const out = value(explainArgument(arg, { recursive }));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden(file), out);
    expect(out).toBe(readFileSync(golden(file), "utf8"));
  });

  it("kubectl explain pod.spec --recursive | head -30", () => {
    const head = readFileSync(golden("pod.spec.recursive.head.txt"), "utf8");
    const lines = head.split("\n").length - 1;
    expect(value(explainArgument("pod.spec", { recursive: true })).split("\n").slice(0, lines).join("\n") + "\n").toBe(head);
  });
});

describe("layout", () => {
  it("lists an enum in full under ENUM: on the FIELD line", () => {
    expect(value(explain("pod", ["spec", "restartPolicy"], { recursive: false }))).toMatch(
      /^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: restartPolicy <string>\nENUM:\n {4}Always\n {4}Never\n {4}OnFailure\n\nDESCRIPTION:\n {4}Restart policy for all containers/,
    );
  });

  it("truncates a long enum after four values in the field list", () => {
    expect(value(explain("pod", ["status"], { recursive: false }))).toContain("  phase\t<string>\n  enum: Failed, Pending, Running, Succeeded, ....\n    The phase of a Pod");
  });

  it("prints no FIELDS for a scalar and ends the DESCRIPTION with a padded line", () => {
    const out = value(explain("pod", ["metadata", "name"], { recursive: false }));
    expect(out).not.toContain("FIELDS:");
    expect(out).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: name <string>\n\n\nDESCRIPTION:\n {4}Name must be unique within a namespace\./);
    expect(out.endsWith("#names\n    \n\n")).toBe(true);
  });

  it("names a Time field <string> and appends the type's own description", () => {
    const out = value(explain("pod", ["metadata", "creationTimestamp"], { recursive: false }));
    expect(out).toContain("FIELD: creationTimestamp <string>\n");
    expect(out).toContain("\n    Time is a wrapper around time.Time which supports correct marshaling to YAML\n");
  });

  it("names maps and lists the way typeGuess does", () => {
    const out = value(explain("pod", ["spec"], { recursive: false }));
    expect(out).toContain("  nodeSelector\t<map[string]string>\n");
    expect(out).toContain("  overhead\t<map[string]Quantity>\n");
    expect(out).toContain("  containers\t<[]Container> -required-\n");
  });

  it("steps through a list without a path element", () => {
    expect(value(explain("pods", ["spec", "containers", "ports", "containerPort"], { recursive: false }))).toContain("FIELD: containerPort <integer>\n");
  });
});

describe("arguments", () => {
  it.each([
    ["po.spec", "pod.spec"],
    ["pods.spec", "pod.spec"],
    ["Pod.spec", "pod.spec"],
    ["pods.", "pods"],
    ["deployments.apps.spec.replicas", "deploy.spec.replicas"],
  ])("%s explains the same as %s", (a, b) => {
    expect(value(explainArgument(a, { recursive: false }))).toBe(value(explainArgument(b, { recursive: false })));
  });

  it("takes the resource and field path apart too", () => {
    expect(explain("deployments", ["spec", "strategy"], { recursive: true })).toEqual(explainArgument("deployment.spec.strategy", { recursive: true }));
  });

  it("accepts the resource's own --api-version", () => {
    expect(explainArgument("deploy.spec", { recursive: false, apiVersion: "apps/v1" })).toEqual(explainArgument("deploy.spec", { recursive: false }));
  });
});

describe("errors", () => {
  it.each<[string, { recursive: boolean; apiVersion?: string }, string]>([
    ["foo", { recursive: false }, `the server doesn't have a resource type "foo"`],
    ["foo.spec", { recursive: false }, `the server doesn't have a resource type "foo"`],
    ["pod.foo", { recursive: false }, `error: field "foo" does not exist`],
    // the template names the last element, not the first one missing
    ["pod.spec.foo.bar", { recursive: false }, `error: field "bar" does not exist`],
    ["pod.metadata.name.x", { recursive: true }, `error: field "x" does not exist`],
    ["pods", { recursive: false, apiVersion: "apps/v1" }, "error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema"],
    ["deployments", { recursive: false, apiVersion: "apps/v2" }, `error: couldn't find resource for "apps/v2, Resource=deployments"`],
    ["deployments", { recursive: false, apiVersion: "a/b/c" }, "error: unexpected GroupVersion string: a/b/c"],
  ])("kubectl explain %s %j", (arg, opts, error) => {
    expect(explainArgument(arg, opts)).toEqual({ ok: false, error });
  });
});
