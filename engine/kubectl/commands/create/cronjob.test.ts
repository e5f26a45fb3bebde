import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../../testing";

// Expected objects follow create_cronjob.go (createCronJob); the required-flag text is
// cobra's, quoted in section 2.2 of the fidelity reference.
describe("kubectl create cronjob", () => {
  it("takes --restart and a command", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create", "cj", "tick", "--image=busybox", "--schedule=0 * * * *", "--restart=Never", "--dry-run=client", "-o", "yaml", "--", "date"]);
    expect(r.stdout).toContain("          containers:\n          - command:\n            - date\n            image: busybox\n            name: tick\n            resources: {}\n          restartPolicy: Never\n  schedule: 0 * * * *\n");
  });

  it("creates cronjob.batch/NAME", async () => {
    expect(await kubectlArgs(testWorkspace(), ["create", "cronjob", "cj", "--image=busybox", "--schedule=*/1 * * * *"])).toEqual({
      stdout: "cronjob.batch/cj created\n",
      stderr: "",
      status: 0,
    });
  });

  it.each<[string[], string]>([
    [["cj"], 'error: required flag(s) "image", "schedule" not set\n'],
    [["cj", "--image=busybox"], 'error: required flag(s) "schedule" not set\n'],
    [["--image=busybox", "--schedule=* * * * *"], "error: exactly one NAME is required, got 0\nSee 'kubectl create cronjob -h' for help and examples\n"],
  ])("%j → %j", async (args, stderr) => {
    expect(await kubectlArgs(testWorkspace(), ["create", "cronjob", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });
});
