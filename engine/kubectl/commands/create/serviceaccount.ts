/** `kubectl create serviceaccount` (create_serviceaccount.go); its errors are the server's, unwrapped. */
import { generatorCommand, objectMeta } from "./generator";

export const createServiceAccountCommand = generatorCommand({
  name: "serviceaccount",
  aliases: ["sa"],
  kind: "ServiceAccount",
  short: "Create a service account with the specified name",
  long: "Create a service account with the specified name.",
  example: `# Create a new service account named my-service-account
kubectl create serviceaccount my-service-account`,
  use: "NAME [--dry-run=server|client|none] [options]",
  flags: [],
  generate: (_ctx, name, namespace) => ({ ok: true, value: { object: { kind: "ServiceAccount", apiVersion: "v1", metadata: objectMeta(name, namespace) } } }),
});
