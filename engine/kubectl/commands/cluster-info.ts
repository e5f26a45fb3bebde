/**
 * `kubectl cluster-info` (pkg/cmd/clusterinfo/clusterinfo.go): the API server address
 * from the kubeconfig, then every service labelled kubernetes.io/cluster-service=true in
 * kube-system (or `-n`) as a proxy URL. Printed in the plain form kubectl writes when its
 * output is not a terminal.
 */
import type { KubeObject } from "../../api/object";
import { resourceForKind } from "../../api/resources";
import type { CommandContext, CommandSpec } from "../command";
import { fail } from "../errors";
import { str } from "../flags";

type Port = { name?: string; port?: number };
type Service = { spec?: { ports?: Port[] }; status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } };

/** The server of the kubeconfig cluster the command talks to (`--server` wins). */
function apiHost(ctx: CommandContext): string {
  const explicit = str(ctx.flags, "server");
  if (explicit) return explicit;
  const k = ctx.env.kubeconfig;
  const contextName = str(ctx.flags, "context") || k["current-context"];
  const clusterName = str(ctx.flags, "cluster") || k.contexts.find((c) => c.name === contextName)?.context.cluster;
  return k.clusters.find((c) => c.name === clusterName)?.cluster.server ?? "";
}

/** util/net.JoinSchemeNamePort */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  return port ? `${name}:${port}` : name;
}

function serviceLink(host: string, svc: KubeObject): string {
  const s = svc as unknown as Service;
  const ingress = s.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const ip = ingress[0].ip || ingress[0].hostname || "";
    return (s.spec?.ports ?? []).map((p) => `http://${ip}:${p.port} `).join("");
  }
  let name = svc.metadata.name ?? "";
  const port = s.spec?.ports?.[0];
  if (port) {
    // kubectl guesses https from the port's name or number
    const scheme = port.name === "https" || port.port === 443 ? "https" : "";
    name = joinSchemeNamePort(scheme, name, port.name ?? "");
  }
  return `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
}

function run(ctx: CommandContext): number {
  const env = ctx.env;
  const namespace = env.explicitNamespace ? env.namespace : "kube-system";
  const services = resourceForKind("Service");
  if (!services) return fail(env.err, `the server doesn't have a resource type "services"`);
  const listed = env.api.list(services, namespace, { labelSelector: "kubernetes.io/cluster-service=true" });
  if (!listed.ok) return fail(env.err, listed.error);
  const host = apiHost(ctx);
  const lines = [`Kubernetes control plane is running at ${host}`];
  for (const svc of listed.value) {
    const name = svc.metadata.labels?.["kubernetes.io/name"] || svc.metadata.name;
    lines.push(`${name} is running at ${serviceLink(host, svc)}`);
  }
  env.out(`${lines.join("\n")}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}

const dumpCommand: CommandSpec = {
  name: "dump",
  short: "Dump relevant information for debugging and diagnosis",
  long: `Dump cluster information out suitable for debugging and diagnosing cluster problems.  By default, dumps everything to stdout. You can optionally specify a directory with --output-directory.  If you specify a directory, Kubernetes will build a set of files in that directory.  By default, only dumps things in the current namespace and 'kube-system' namespace, but you can switch to a different namespace with the --namespaces flag, or specify --all-namespaces to dump all namespaces.

 The command also dumps the logs of all of the pods in the cluster; these logs are dumped into different directories based on namespace and pod name.`,
  use: "[flags] [options]",
  run: (ctx) => {
    ctx.env.err(`error: "kubectl cluster-info dump" is not available in this simulated cluster yet\n`);
    return 1;
  },
};

export const clusterInfoCommand: CommandSpec = {
  name: "cluster-info",
  group: "Cluster Management Commands",
  short: "Display cluster information",
  long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  example: `# Print the address of the control plane and cluster services
kubectl cluster-info`,
  use: "[flags] [options]",
  subcommands: [dumpCommand],
  run,
};
