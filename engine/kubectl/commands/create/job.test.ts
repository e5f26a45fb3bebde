import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../../testing";

// Expected objects follow create_job.go (createJob, createJobFromCronJob).
describe("kubectl create job", () => {
  it("uses the words after -- as the container's command", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create", "job", "pi", "--image=perl", "--dry-run=client", "-o", "yaml", "--", "perl", "-e", "print 1"]);
    expect(r.stdout).toContain("      containers:\n      - command:\n        - perl\n        - -e\n        - print 1\n        image: perl\n        name: pi\n        resources: {}\n      restartPolicy: Never\n");
  });

  it("creates job.batch/NAME", async () => {
    expect(await kubectlArgs(testWorkspace(), ["create", "job", "pi", "--image=busybox"])).toEqual({ stdout: "job.batch/pi created\n", stderr: "", status: 0 });
  });

  it("copies a CronJob's template with --from, annotated and owned by it", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "cronjob", "cj", "--image=busybox", "--schedule=*/5 * * * *"]);
    const uid = ws.cluster("kubernetes")?.api.store.get("cronjobs", "default", "cj")?.metadata.uid;
    const r = await kubectlArgs(ws, ["create", "job", "manual", "--from=cronjob/cj", "--dry-run=client", "-o", "yaml"]);
    expect(r.stdout).toContain(
      `metadata:\n  annotations:\n    cronjob.kubernetes.io/instantiate: manual\n  name: manual\n  ownerReferences:\n  - apiVersion: batch/v1\n    controller: true\n    kind: CronJob\n    name: cj\n    uid: ${uid}\nspec:\n`,
    );
    expect(r.stdout).toContain("        name: cj\n");
    expect(await kubectlArgs(ws, ["create", "job", "manual", "--from=cronjob/cj"])).toEqual({ stdout: "job.batch/manual created\n", stderr: "", status: 0 });
  });

  it.each<[string, string[], string]>([
    ["neither --image nor --from", ["j"], "error: either --image or --from must be specified\n"],
    ["both --image and --from", ["j", "--image=busybox", "--from=cronjob/cj"], "error: either --image or --from must be specified\n"],
    ["--from and a command", ["j", "--from=cronjob/cj", "--", "date"], "error: cannot specify --from and command\n"],
    ["a missing cron job", ["j", "--from=cronjob/nope"], 'Error from server (NotFound): cronjobs.batch "nope" not found\n'],
    ["an unknown type", ["j", "--from=foo/x"], 'error: the server doesn\'t have a resource type "foo"\n'],
    ["no NAME", ["--image=busybox"], "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n"],
  ])("refuses %s", async (_, args, stderr) => {
    expect(await kubectlArgs(testWorkspace(), ["create", "job", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("wraps the server's error", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "job", "pi", "--image=busybox"]);
    expect((await kubectlArgs(ws, ["create", "job", "pi", "--image=busybox"])).stderr).toBe('error: failed to create job: jobs.batch "pi" already exists\n');
  });
});
