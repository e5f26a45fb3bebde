import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explainArgument } from "../engine/kubectl/explain/explain";
import { generateSchemaJson, OVERLAY_JSON, SCHEMA_JSON } from "./gen-openapi";

// Reading the package with the TypeScript compiler and loading its validators takes seconds.
const SLOW = { timeout: 60_000 };

describe("gen-openapi", () => {
  it("reproduces the committed schema.json (rerun `npx tsx scripts/gen-openapi.ts` after changing its inputs)", SLOW, async () => {
    expect((await generateSchemaJson()) === readFileSync(SCHEMA_JSON, "utf8")).toBe(true);
  });

  const overlay = JSON.parse(readFileSync(OVERLAY_JSON, "utf8")) as { v135: Record<string, unknown> };
  it.each<[string, Record<string, unknown>]>([
    ["adds a field the package has", { newFields: { PodSpec: { containers: { type: "string", description: "x" } } } }],
    ["removes a field the package lacks", { removedFields: ["PodSpec.containrs"] }],
    ["adds a type the package has", { newTypes: { Container: { description: "x", fields: {} } } }],
  ])("fails on a stale overlay that %s", SLOW, async (_name, change) => {
    const stale = JSON.stringify({ ...overlay, v135: { ...overlay.v135, ...change } });
    await expect(generateSchemaJson(stale)).rejects.toThrow(/which kubernetes-models does not have \(or no longer lacks\)/);
  });

  it("rejects an overlay key it does not know", SLOW, async () => {
    await expect(generateSchemaJson(JSON.stringify({ ...overlay, enums: {} }))).rejects.toThrow(/enums/);
  });
});

// Excerpts of a real v1.35 capture of `kubectl explain pod.spec.containers` and
// `kubectl explain pod.spec` (the capture's tabs restored after each field name).
describe("v1.35 texts reach kubectl explain", () => {
  const out = (arg: string) => {
    const r = explainArgument(arg, { recursive: false });
    return r.ok ? r.value : r.error;
  };

  it.each([
    [
      "pod.spec.containers",
      "  restartPolicyRules\t<[]ContainerRestartRule>\n    Represents a list of rules to be checked to determine if the container\n    should be restarted on exit. The rules are evaluated in order.",
    ],
    ["pod.spec.containers", "    RestartPolicy defines the restart behavior of individual containers in a\n    pod. This overrides the pod-level restart policy. When this field is not\n"],
    ["pod.spec.containers", "    List of sources to populate environment variables in the container. The keys\n    defined within a source may consist of any printable ASCII characters except\n    '='."],
    ["pod.spec.containers", "    Resources resize policy for the container. This field cannot be set on\n    ephemeral containers.\n"],
    ["pod.spec", "    spec.securityContext.supplementalGroupsPolicy -\n    spec.containers[*].securityContext.appArmorProfile -\n"],
    ["pod.spec", "    without actually having root privileges on the host. This field is\n    alpha-level and is only honored by servers that enable the\n    UserNamespacesSupport feature.\n"],
    ["pod.spec", "  workloadRef\t<WorkloadReference>\n    WorkloadRef provides a reference to the Workload object that this Pod\n    belongs to."],
  ])("kubectl explain %s shows %j", (arg, excerpt) => {
    expect(out(arg)).toContain(excerpt);
  });

  it("does not show the v1.36 schedulingGroup", () => {
    expect(out("pod.spec")).not.toContain("schedulingGroup");
  });
});
