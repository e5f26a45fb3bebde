/**
 * `kubectl create deployment` (create_deployment.go): labels and selector `app=<name>`,
 * one container per `--image` named after the image, `--port` on the first container,
 * arguments after `--` as every container's command.
 */
import { randomSuffix } from "../../../random";
import type { CommandContext } from "../../command";
import { int, list } from "../../flags";
import type { Generation } from "./generator";
import { generatorCommand, objectMeta } from "./generator";

/**
 * The image's last path segment without tag or digest. A name with `_` or `.` becomes
 * DNS-safe and gets a random suffix (sanitizeAndUniquify); the randomness is drawn from
 * the cluster's clock and write count, so a replayed session builds the same name.
 */
export function containerNameForImage(image: string, seed: number): string {
  let name = image.split("/").pop() ?? image;
  name = name.split(":")[0];
  name = name.split("@")[0];
  if (!/[_.]/.test(name)) return name;
  return `${name.replace(/[_.]/g, "-")}-${randomSuffix({ seed })}`;
}

function generate(ctx: CommandContext, name: string, namespace: string | undefined): Generation {
  const images = list(ctx.flags, "image");
  const command = ctx.args.slice(1);
  if (images.length > 1 && command.length > 0) return { ok: false, error: "cannot specify multiple --image options and command" };
  const labels = { app: name };
  const seed = ctx.env.api.now() + ctx.env.api.store.resourceVersion;
  const containers = images.map((image, i) => ({
    name: containerNameForImage(image, seed + i),
    image,
    ...(command.length ? { command } : {}),
    ...(i === 0 && int(ctx.flags, "port") >= 0 ? { ports: [{ containerPort: int(ctx.flags, "port") }] } : {}),
    resources: {},
  }));
  return {
    ok: true,
    value: {
      errorPrefix: "failed to create deployment: ",
      object: {
        kind: "Deployment",
        apiVersion: "apps/v1",
        metadata: { ...objectMeta(name, namespace), labels },
        spec: {
          replicas: int(ctx.flags, "replicas"),
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers } },
          strategy: {},
        },
        status: {},
      },
    },
  };
}

export const createDeploymentCommand = generatorCommand({
  name: "deployment",
  aliases: ["deploy"],
  kind: "Deployment",
  short: "Create a deployment with the specified name",
  long: "Create a deployment with the specified name.",
  example: `# Create a deployment named my-dep that runs the busybox image
kubectl create deployment my-dep --image=busybox

# Create a deployment with a command
kubectl create deployment my-dep --image=busybox -- date

# Create a deployment named my-dep that runs the nginx image with 3 replicas
kubectl create deployment my-dep --image=nginx --replicas=3

# Create a deployment named my-dep that runs the busybox image and expose port 5701
kubectl create deployment my-dep --image=busybox --port=5701

# Create a deployment named my-dep that runs multiple containers
kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
  use: "NAME --image=image -- [COMMAND] [args...] [options]",
  flags: [
    { name: "image", type: "stringSlice", usage: "Image names to run. A deployment can have multiple images set for multi-container pod." },
    { name: "port", type: "int", default: -1, usage: "The containerPort that this deployment exposes." },
    { name: "replicas", short: "r", type: "int", default: 1, usage: "Number of replicas to create. Default is 1." },
  ],
  required: ["image"],
  generate,
});
