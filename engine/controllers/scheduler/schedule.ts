/**
 * One scheduling cycle (schedule_one.go schedulePod): the filter plugins in the default
 * profile's order, each node reporting only the first plugin that rejects it; then, among
 * the nodes left, the weighted sum of the score plugins. Ties go to the node whose name
 * sorts first, where the real scheduler picks one at random.
 */
import { balancedAllocation } from "./plugins/balanced-allocation";
import { interPodAffinityFilter, interPodAffinityScore } from "./plugins/inter-pod-affinity";
import { nodeAffinityFilter, nodeAffinityScore } from "./plugins/node-affinity";
import { nodeName } from "./plugins/node-name";
import { nodePorts } from "./plugins/node-ports";
import { nodeResourcesFitFilter, nodeResourcesFitScore } from "./plugins/node-resources-fit";
import { nodeUnschedulable } from "./plugins/node-unschedulable";
import { podTopologySpread } from "./plugins/pod-topology-spread";
import { taintTolerationFilter, taintTolerationScore } from "./plugins/taint-toleration";
import type { Diagnosis } from "./fit-error";
import { unschedulableMessage } from "./fit-error";
import type { FilterPlugin, NodeInfo, PodInfo, Prepared, ScorePlugin, Snapshot, Status } from "./types";
import { unresolvable, unschedulable } from "./types";

/** default_plugins.go order; the volume plugins have nothing to check in this build. */
export const FILTERS: readonly FilterPlugin[] = [nodeUnschedulable, nodeName, taintTolerationFilter, nodeAffinityFilter, nodePorts, nodeResourcesFitFilter, podTopologySpread, interPodAffinityFilter];

export const SCORES: readonly ScorePlugin[] = [taintTolerationScore, nodeAffinityScore, nodeResourcesFitScore, interPodAffinityScore, balancedAllocation];

export const NO_NODES = "no nodes available to schedule pods";

export type Decision = { readonly ok: true; readonly node: NodeInfo } | { readonly ok: false; readonly message: string };

type Filter = Exclude<Prepared, { reject: Status }>;

function failed(pod: PodInfo, snapshot: Snapshot, d: Diagnosis): Decision {
  return { ok: false, message: unschedulableMessage(pod, d, snapshot.nodes) };
}

function rejection(plugins: readonly string[]): Status {
  return plugins.length === 1 ? unschedulable(`node(s) didn't satisfy plugin ${plugins[0]}`) : unschedulable(`node(s) didn't satisfy plugin(s) [${plugins.join(" ")}] simultaneously`);
}

function best(pod: PodInfo, feasible: readonly NodeInfo[], snapshot: Snapshot): NodeInfo {
  const totals = feasible.map(() => 0);
  for (const plugin of SCORES) {
    const scores = plugin.score(pod, feasible, snapshot);
    if (scores) scores.forEach((s, i) => (totals[i] += s * plugin.weight));
  }
  let pick = 0;
  for (let i = 1; i < feasible.length; i++) if (totals[i] > totals[pick]) pick = i;
  return feasible[pick];
}

export function schedule(pod: PodInfo, snapshot: Snapshot): Decision {
  if (snapshot.nodes.length === 0) return { ok: false, message: NO_NODES };
  const numAllNodes = snapshot.nodes.length;
  const filters: Filter[] = [];
  let allowed: Set<string> | undefined;
  const restricting: string[] = [];
  for (const plugin of FILTERS) {
    const p = plugin.prepare(pod, snapshot);
    if ("reject" in p) return failed(pod, snapshot, { numAllNodes, preFilterMsg: p.reject.reasons.join(", "), statuses: new Map(), absent: p.reject });
    if (p.nodes) {
      const names = p.nodes;
      allowed = allowed ? new Set([...allowed].filter((n) => names.has(n))) : new Set(names);
      restricting.push(plugin.name);
      if (allowed.size === 0) {
        const status = rejection(restricting);
        return failed(pod, snapshot, { numAllNodes, preFilterMsg: status.reasons[0], statuses: new Map(), absent: status });
      }
    }
    filters.push(p);
  }
  const candidates = allowed ? snapshot.nodes.filter((n) => allowed.has(n.name)) : snapshot.nodes;
  const statuses = new Map<string, Status>();
  const feasible: NodeInfo[] = [];
  for (const node of candidates) {
    let status: Status | undefined;
    for (const f of filters) if ((status = f.filter(node))) break;
    if (status) statuses.set(node.name, status);
    else feasible.push(node);
  }
  if (feasible.length === 0) {
    const absent = allowed ? unresolvable(`node(s) didn't satisfy plugin(s) [${[...restricting].sort().join(" ")}]`) : undefined;
    return failed(pod, snapshot, { numAllNodes, statuses, absent });
  }
  return { ok: true, node: feasible.length === 1 ? feasible[0] : best(pod, feasible, snapshot) };
}
