/**
 * `kubectl explain`: the verb around the renderer of ../explain (tested there): argument
 * checks, flags and errors as pkg/cmd/explain/explain.go prints them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlLine, testWorkspace } from "../../testing";

/** A verbatim kubectl/server v1.35 capture (see ../explain/testdata/README.md). */
const rollingUpdate = readFileSync(join(__dirname, "..", "explain", "testdata", "deployment.spec.strategy.rollingUpdate.txt"), "utf8");

describe("kubectl explain", () => {
  it.each(["explain deployment.spec.strategy.rollingUpdate", "explain deployments.apps.spec.strategy.rollingUpdate", "explain deploy.spec.strategy.rollingUpdate --api-version=apps/v1", "explain deployment.spec.strategy.rollingUpdate --output=plaintext"])(
    "%s prints the field's documentation",
    async (line) => {
      expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: rollingUpdate, stderr: "", status: 0 });
    },
  );

  it("--recursive lists the fields below", async () => {
    const r = await kubectlLine(testWorkspace(), "explain pod.spec --recursive");
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("KIND:       Pod\nVERSION:    v1\n\nFIELD: spec <PodSpec>\n")).toBe(true);
  });

  it.each([
    ["explain", 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
    ["explain pods nodes", "error: We accept only this format: explain RESOURCE\n"],
    ["explain foo", 'the server doesn\'t have a resource type "foo"\n'],
    ["explain pod.spec.nope", 'error: field "nope" does not exist\n'],
    ["explain pod --output=yaml", "error: unrecognized format: yaml\n"],
    ["explain foo --output=yaml", 'the server doesn\'t have a resource type "foo"\n'],
  ])("%s fails as kubectl does", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});
