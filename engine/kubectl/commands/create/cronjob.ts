/**
 * `kubectl create cronjob` (create_cronjob.go): a jobTemplate named after the cron job
 * with one container of the same name; `--restart` defaults to OnFailure.
 */
import type { CommandContext } from "../../command";
import { str } from "../../flags";
import type { Generation } from "./generator";
import { generatorCommand, objectMeta } from "./generator";

function generate(ctx: CommandContext, name: string, namespace: string | undefined): Generation {
  const command = ctx.args.slice(1);
  const container = { name, image: str(ctx.flags, "image"), ...(command.length ? { command } : {}), resources: {} };
  return {
    ok: true,
    value: {
      errorPrefix: "failed to create cronjob: ",
      object: {
        kind: "CronJob",
        apiVersion: "batch/v1",
        metadata: objectMeta(name, namespace),
        spec: {
          schedule: str(ctx.flags, "schedule"),
          jobTemplate: {
            metadata: { name },
            spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: str(ctx.flags, "restart") || "OnFailure" } } },
          },
        },
        status: {},
      },
    },
  };
}

export const createCronJobCommand = generatorCommand({
  name: "cronjob",
  aliases: ["cj"],
  kind: "CronJob",
  short: "Create a cron job with the specified name",
  long: "Create a cron job with the specified name.",
  example: `# Create a cron job
kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"

# Create a cron job with a command
kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`,
  use: "NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  flags: [
    { name: "image", type: "string", usage: "Image name to run." },
    { name: "restart", type: "string", usage: "job's restart policy. supported values: OnFailure, Never" },
    { name: "schedule", type: "string", usage: "A schedule in the Cron format the job should be run with." },
  ],
  required: ["image", "schedule"],
  generate,
});
