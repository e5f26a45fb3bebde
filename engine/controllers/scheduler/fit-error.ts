/**
 * framework.FitError.Error() and what DefaultPreemption adds after it, as a v1.35
 * scheduler writes them into the FailedScheduling event and the PodScheduled condition:
 *
 *   0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new
 *   claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful
 *   for scheduling, 2 No preemption victims found for incoming pod.
 *
 * The histogram counts every reason of every node, as `<count> <reason>` sorted as strings.
 * This build never preempts: a node where evicting lower-priority pods could help is
 * reported as having no victims, and nominatedNodeName stays empty.
 */
import type { NodeInfo, PodInfo, Status } from "./types";

export interface Diagnosis {
  readonly numAllNodes: number;
  /** a PreFilter rejection, which replaces the histogram */
  readonly preFilterMsg?: string;
  /** the first failing filter's status of each node that was tried */
  readonly statuses: ReadonlyMap<string, Status>;
  /** the status of every node not in `statuses` */
  readonly absent?: Status;
}

export const NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_VICTIMS = "No preemption victims found for incoming pod";
/** DynamicResources' PostFilter, for a pod without resource claims. */
const NO_CLAIMS = "no new claims to deallocate";

function histogram(d: Diagnosis): string[] {
  const counts = new Map<string, number>();
  const count = (reason: string, n: number) => counts.set(reason, (counts.get(reason) ?? 0) + n);
  for (const s of d.statuses.values()) for (const r of s.reasons) count(r, 1);
  const absent = d.numAllNodes - d.statuses.size;
  if (d.absent && absent > 0) for (const r of d.absent.reasons) count(r, absent);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
}

export function fitErrorMessage(d: Diagnosis, postFilterMsg: string): string {
  let msg = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const reasons = histogram(d);
    if (reasons.length > 0) msg += ` ${reasons.join(", ")}.`;
  }
  return postFilterMsg ? `${msg} ${postFilterMsg}` : msg;
}

const statusOf = (d: Diagnosis, node: string): Status | undefined => d.statuses.get(node) ?? d.absent;

/** DefaultPreemption's verdict per node, without evicting anyone. */
function preemption(pod: PodInfo, d: Diagnosis, nodes: readonly NodeInfo[]): string {
  if (pod.pod.spec?.preemptionPolicy === "Never") return "preemption: not eligible due to preemptionPolicy=Never.";
  const statuses = new Map<string, Status>();
  for (const n of nodes) {
    const s = statusOf(d, n.name);
    const helpful = s !== undefined && s.code === "Unschedulable";
    statuses.set(n.name, { code: "UnschedulableAndUnresolvable", reasons: [helpful ? NO_VICTIMS : NOT_HELPFUL] });
  }
  return `preemption: ${fitErrorMessage({ numAllNodes: d.numAllNodes, statuses }, "")}`;
}

/** The whole message: the filters' verdicts, then the PostFilter plugins' (DRA, then preemption). */
export function unschedulableMessage(pod: PodInfo, d: Diagnosis, nodes: readonly NodeInfo[]): string {
  return fitErrorMessage(d, `${NO_CLAIMS}, ${preemption(pod, d, nodes)}`);
}
