/**
 * `kubectl create job` (create_job.go): one container named after the job with
 * restartPolicy Never, or a copy of a CronJob's jobTemplate with `--from=cronjob/NAME`,
 * annotated as a manual instantiation and owned by the CronJob.
 */
import type { KubeObject } from "../../../api/object";
import type { CommandContext } from "../../command";
import { str } from "../../flags";
import { resolveResourceArgs } from "../../resource-args";
import type { Generation } from "./generator";
import { generatorCommand, objectMeta } from "./generator";

type Obj = Record<string, unknown>;

/** The Job as both ways of creating one build it, with the empty status the typed object carries. */
function job(metadata: KubeObject["metadata"], spec: unknown): Generation {
  return { ok: true, value: { errorPrefix: "failed to create job: ", object: { kind: "Job", apiVersion: "batch/v1", metadata, spec, status: {} } } };
}

function fromCronJob(ctx: CommandContext, name: string, namespace: string | undefined, from: string): Generation {
  const refs = resolveResourceArgs([from]);
  if (!refs.ok) return { ok: false, error: refs.error };
  if (refs.value.kind === "types") return { ok: false, error: "resource(s) were provided, but no name was specified" };
  const [ref] = refs.value.refs;
  const got = ctx.env.api.get(ref.type, ctx.env.namespace, ref.name);
  if (!got.ok) return { ok: false, error: got.error };
  const cronJob = got.value;
  if (cronJob.kind !== "CronJob") return { ok: false, error: `unknown object type *v1.${cronJob.kind}` };
  const jobTemplate = ((cronJob.spec as Obj).jobTemplate ?? {}) as { metadata?: KubeObject["metadata"]; spec?: unknown };
  const templateMeta = jobTemplate.metadata ?? {};
  return job(
    {
      ...objectMeta(name, namespace),
      ...(templateMeta.labels ? { labels: templateMeta.labels } : {}),
      annotations: { "cronjob.kubernetes.io/instantiate": "manual", ...templateMeta.annotations },
      ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: cronJob.metadata.name ?? "", uid: cronJob.metadata.uid ?? "", controller: true }],
    },
    jobTemplate.spec ?? {},
  );
}

function generate(ctx: CommandContext, name: string, namespace: string | undefined): Generation {
  const image = str(ctx.flags, "image");
  const from = str(ctx.flags, "from");
  const command = ctx.args.slice(1);
  if ((!image && !from) || (image && from)) return { ok: false, error: "either --image or --from must be specified" };
  if (command.length && from) return { ok: false, error: "cannot specify --from and command" };
  if (from) return fromCronJob(ctx, name, namespace, from);
  return job(objectMeta(name, namespace), {
    template: {
      metadata: {},
      spec: { containers: [{ name, image, ...(command.length ? { command } : {}), resources: {} }], restartPolicy: "Never" },
    },
  });
}

export const createJobCommand = generatorCommand({
  name: "job",
  kind: "Job",
  short: "Create a job with the specified name",
  long: "Create a job with the specified name.",
  example: `# Create a job
kubectl create job my-job --image=busybox

# Create a job with a command
kubectl create job my-job --image=busybox -- date

# Create a job from a cron job named "a-cronjob"
kubectl create job test-job --from=cronjob/a-cronjob`,
  use: "NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]",
  flags: [
    { name: "from", type: "string", usage: "The name of the resource to create a Job from (only cronjob is supported)." },
    { name: "image", type: "string", usage: "Image name to run." },
  ],
  generate,
});
