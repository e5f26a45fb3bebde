/** The flags every kubectl command accepts (`kubectl options`). */
import type { FlagSpec } from "./flags";

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: "namespace", short: "n", type: "string", usage: "If present, the namespace scope for this CLI request" },
  { name: "context", type: "string", usage: "The name of the kubeconfig context to use" },
  { name: "cluster", type: "string", usage: "The name of the kubeconfig cluster to use" },
  { name: "user", type: "string", usage: "The name of the kubeconfig user to use" },
  { name: "kubeconfig", type: "string", usage: "Path to the kubeconfig file to use for CLI requests." },
  { name: "server", short: "s", type: "string", usage: "The address and port of the Kubernetes API server" },
  { name: "request-timeout", type: "string", default: "0", usage: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests." },
  { name: "v", short: "v", type: "int", usage: "number for the log level verbosity" },
  { name: "insecure-skip-tls-verify", type: "bool", usage: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: "token", type: "string", usage: "Bearer token for authentication to the API server" },
  { name: "as", type: "string", usage: "Username to impersonate for the operation. User could be a regular user or a service account in a namespace." },
  { name: "warnings-as-errors", type: "bool", usage: "Treat warnings received from the server as errors and exit with a non-zero exit code" },
  { name: "match-server-version", type: "bool", usage: "Require server version to match client version" },
  { name: "help", short: "h", type: "bool", usage: "help for this command", hidden: true },
];
