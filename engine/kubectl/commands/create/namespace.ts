/** `kubectl create namespace` (create_namespace.go); its errors are the server's, unwrapped. */
import { generatorCommand } from "./generator";

export const createNamespaceCommand = generatorCommand({
  name: "namespace",
  aliases: ["ns"],
  kind: "Namespace",
  short: "Create a namespace with the specified name",
  long: "Create a namespace with the specified name.",
  example: `# Create a new namespace named my-namespace
kubectl create namespace my-namespace`,
  use: "NAME [--dry-run=server|client|none] [options]",
  flags: [],
  generate: (_ctx, name) => ({ ok: true, value: { object: { kind: "Namespace", apiVersion: "v1", metadata: { name }, spec: {}, status: {} } } }),
});
