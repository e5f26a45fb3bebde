/**
 * `kubectl top pod|node` (pkg/cmd/top): resource usage as metrics-server reports it,
 * from what the simulated containers use. metrics-server scrapes every 15 s, so a pod
 * that started moments ago has no metrics yet, as on a real cluster.
 */
import type { KubeObject } from "../../api/object";
import { parseTimestamp } from "../../api/object";
import { parseQuantity } from "../../api/quantity";
import { resolveResource } from "../../api/resources";
import type { ResourceType } from "../../api/resources";
import type { CommandContext, CommandSpec, KubectlEnv } from "../command";
import { fail } from "../errors";
import { bool, str } from "../flags";
import { humanDuration } from "../printers/duration";
import { GET_TABLE, tabwrite } from "../printers/tabwriter";

type Obj = Record<string, unknown>;

const SCRAPE_MS = 15_000;
const PODS = resolveResource("pods") as ResourceType;
const NODES = resolveResource("nodes") as ResourceType;

/** What the node itself uses outside pods (kubelet, containerd, the OS). */
const SYSTEM_USAGE = { controlPlane: { cpu: 0.045, memory: 620 * 2 ** 20 }, worker: { cpu: 0.018, memory: 310 * 2 ** 20 } };

interface ContainerUsage {
  readonly name: string;
  readonly cpu: number;
  readonly memory: number;
}

function milli(cores: number): string {
  return `${Math.trunc(cores * 1000)}m`;
}

function mebi(bytes: number): string {
  return `${Math.trunc(bytes / 2 ** 20)}Mi`;
}

/** A pod's containers' usage, or undefined while metrics-server has no sample for it. */
function podUsage(env: KubectlEnv, pod: KubeObject): ContainerUsage[] | undefined {
  const statuses = (((pod.status as Obj | undefined)?.containerStatuses as Obj[] | undefined) ?? []).filter((c) => (c.state as Obj | undefined)?.running);
  if (statuses.length === 0) return undefined;
  const now = env.api.now();
  const started = Math.min(...statuses.map((c) => parseTimestamp(((c.state as Obj).running as Obj).startedAt as string) ?? now));
  if (now - started < SCRAPE_MS) return undefined;
  return statuses.map((c) => {
    const u = env.runtime.usage(String(c.containerID ?? "").replace(/^containerd:\/\//, ""), now);
    return { name: String(c.name), cpu: u.cpuCores, memory: u.memoryBytes };
  });
}

function table(rows: string[][], noHeaders: boolean): string {
  const lines = noHeaders ? rows.slice(1) : rows;
  return tabwrite(lines.map((r) => r.map((c) => `${c}\t`).join("")).join("\n") + "\n", GET_TABLE);
}

function sortRows<T extends { cpu: number; memory: number }>(rows: T[], by: string): T[] | string {
  if (by === "") return rows;
  if (by !== "cpu" && by !== "memory") return `--sort-by accepts only cpu or memory`;
  return [...rows].sort((a, b) => (by === "cpu" ? b.cpu - a.cpu : b.memory - a.memory));
}

function topPods(ctx: CommandContext): number {
  const env = ctx.env;
  const all = bool(ctx.flags, "all-namespaces");
  const listed = env.api.list(PODS, all ? undefined : env.namespace, { labelSelector: str(ctx.flags, "selector"), fieldSelector: str(ctx.flags, "field-selector") });
  if (!listed.ok) return fail(env.err, listed.error);
  const name = ctx.args[0];
  const pods = name ? listed.value.filter((p) => p.metadata.name === name) : listed.value;
  if (name && pods.length === 0) return fail(env.err, { status: "Failure", reason: "NotFound", code: 404, message: `pods "${name}" not found` });
  const measured: { pod: KubeObject; containers: ContainerUsage[]; cpu: number; memory: number }[] = [];
  for (const pod of pods) {
    const containers = podUsage(env, pod);
    if (!containers) {
      if (name) {
        const age = humanDuration(env.api.now() - (parseTimestamp(pod.metadata.creationTimestamp) ?? env.api.now()));
        return fail(env.err, `Metrics not available for pod ${pod.metadata.namespace}/${name}, age: ${age}`);
      }
      continue;
    }
    measured.push({ pod, containers, cpu: containers.reduce((s, c) => s + c.cpu, 0), memory: containers.reduce((s, c) => s + c.memory, 0) });
  }
  if (measured.length === 0) {
    if (pods.length === 0) {
      env.err(all ? "No resources found\n" : `No resources found in ${env.namespace} namespace.\n`);
      return 0;
    }
    return fail(env.err, "metrics not available yet");
  }
  const sorted = sortRows(measured, str(ctx.flags, "sort-by"));
  if (typeof sorted === "string") return fail(env.err, sorted);
  const containers = bool(ctx.flags, "containers");
  const header = [...(all ? ["NAMESPACE"] : []), ...(containers ? ["POD", "NAME"] : ["NAME"]), "CPU(cores)", "MEMORY(bytes)"];
  const rows = sorted.flatMap((m) => {
    const ns = all ? [m.pod.metadata.namespace ?? ""] : [];
    const pod = m.pod.metadata.name ?? "";
    return containers ? m.containers.map((c) => [...ns, pod, c.name, milli(c.cpu), mebi(c.memory)]) : [[...ns, pod, milli(m.cpu), mebi(m.memory)]];
  });
  env.out(table([header, ...rows], bool(ctx.flags, "no-headers")));
  return 0;
}

function topNodes(ctx: CommandContext): number {
  const env = ctx.env;
  const listed = env.api.list(NODES, undefined, { labelSelector: str(ctx.flags, "selector") });
  if (!listed.ok) return fail(env.err, listed.error);
  const name = ctx.args[0];
  const nodes = name ? listed.value.filter((n) => n.metadata.name === name) : listed.value;
  if (name && nodes.length === 0) return fail(env.err, { status: "Failure", reason: "NotFound", code: 404, message: `nodes "${name}" not found` });
  const pods = env.api.store.list("pods");
  const measured = nodes.map((node) => {
    const system = node.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined ? SYSTEM_USAGE.controlPlane : SYSTEM_USAGE.worker;
    let cpu = system.cpu;
    let memory = system.memory;
    for (const p of pods) {
      if ((p.spec as Obj).nodeName !== node.metadata.name) continue;
      for (const c of podUsage(env, p) ?? []) {
        cpu += c.cpu;
        memory += c.memory;
      }
    }
    const alloc = ((node.status as Obj | undefined)?.allocatable ?? {}) as Obj;
    return { node, cpu, memory, cpuPct: Math.trunc((cpu / (parseQuantity(alloc.cpu) ?? 1)) * 100), memPct: Math.trunc((memory / (parseQuantity(alloc.memory) ?? 1)) * 100) };
  });
  const sorted = sortRows(measured, str(ctx.flags, "sort-by"));
  if (typeof sorted === "string") return fail(env.err, sorted);
  const header = ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"];
  const rows = sorted.map((m) => [m.node.metadata.name ?? "", milli(m.cpu), `${m.cpuPct}%`, mebi(m.memory), `${m.memPct}%`]);
  env.out(table([header, ...rows], bool(ctx.flags, "no-headers")));
  return 0;
}

const COMMON_FLAGS = [
  { name: "selector", short: "l", type: "string" as const, usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  { name: "sort-by", type: "string" as const, usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
  { name: "no-headers", type: "bool" as const, usage: "If present, print output without headers." },
  { name: "show-capacity", type: "bool" as const, usage: "Print node resources based on Capacity instead of Allocatable(default) of the nodes." },
];

const topPod: CommandSpec = {
  name: "pod",
  aliases: ["pods", "po"],
  short: "Display resource (CPU/memory) usage of pods",
  long: "Display resource (CPU/memory) usage of pods.\n\n The 'top pod' command allows you to see the resource consumption of pods.\n\n Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.",
  example: "# Show metrics for all pods in the default namespace\nkubectl top pod\n\n# Show metrics for all pods in the given namespace\nkubectl top pod --namespace=NAMESPACE\n\n# Show metrics for a given pod and its containers\nkubectl top pod POD_NAME --containers\n\n# Show metrics for the pods defined by label name=myLabel\nkubectl top pod -l name=myLabel",
  use: "[NAME | -l label]",
  flags: [
    { name: "all-namespaces", short: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "containers", type: "bool", usage: "If present, print usage of containers within a pod." },
    { name: "field-selector", type: "string", usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    ...COMMON_FLAGS.filter((f) => f.name !== "show-capacity"),
  ],
  run: topPods,
};

const topNode: CommandSpec = {
  name: "node",
  aliases: ["nodes", "no"],
  short: "Display resource (CPU/memory) usage of nodes",
  long: "Display resource (CPU/memory) usage of nodes.\n\n The top-node command allows you to see the resource consumption of nodes.",
  example: "# Show metrics for all nodes\nkubectl top node\n\n# Show metrics for a given node\nkubectl top node NODE_NAME",
  use: "[NAME | -l label]",
  flags: COMMON_FLAGS,
  run: topNodes,
};

export const topCommand: CommandSpec = {
  name: "top",
  group: "Cluster Management Commands",
  short: "Display resource (CPU/memory) usage",
  long: "Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.",
  use: "[flags] [options]",
  subcommands: [topNode, topPod],
};
