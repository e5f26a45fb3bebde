/**
 * `kubectl explain` (pkg/cmd/explain/explain.go): the documentation of a resource or of a
 * field path below it, rendered from the schema the simulated server publishes.
 */
import type { CommandContext, CommandSpec } from "../command";
import { explainArgument } from "../explain/explain";
import { bool, str } from "../flags";

function run(ctx: CommandContext): number {
  const env = ctx.env;
  if (ctx.args.length === 0) {
    env.err(`error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    return 1;
  }
  if (ctx.args.length > 1) {
    env.err("error: We accept only this format: explain RESOURCE\n");
    return 1;
  }
  const apiVersion = ctx.flags.changed.has("api-version") ? str(ctx.flags, "api-version") : undefined;
  const r = explainArgument(ctx.args[0], { recursive: bool(ctx.flags, "recursive"), ...(apiVersion ? { apiVersion } : {}) });
  const output = str(ctx.flags, "output");
  // the renderer is chosen after the resource is found; plaintext-openapiv2, the older
  // renderer, is served by the current one here
  const unknownType = !r.ok && r.error.startsWith("the server doesn't have a resource type");
  if (!unknownType && output !== "plaintext" && output !== "plaintext-openapiv2") {
    env.err(`error: unrecognized format: ${output}\n`);
    return 1;
  }
  if (!r.ok) {
    env.err(r.error.endsWith("\n") ? r.error : `${r.error}\n`);
    return 1;
  }
  env.out(r.value);
  return 0;
}

export const explainCommand: CommandSpec = {
  name: "explain",
  group: "Basic Commands (Intermediate)",
  short: "Get documentation for a resource",
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `# Get the documentation of the resource and its fields
kubectl explain pods

# Get all the fields in the resource
kubectl explain pods --recursive

# Get the explanation for deployment in supported api versions
kubectl explain deployments --api-version=apps/v1

# Get the documentation of a specific field of a resource
kubectl explain pods.spec.containers

# Get the documentation of resources in different format
kubectl explain deployment --output=plaintext-openapiv2`,
  use: "TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext|plaintext-openapiv2] [options]",
  flags: [
    { name: "api-version", type: "string", usage: "Use given api-version (group/version) of the resource." },
    { name: "output", type: "string", default: "plaintext", usage: "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2)." },
    { name: "recursive", type: "bool", usage: "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description." },
  ],
  run,
};
