/** describe.go's describeNode and describeNodeResource. */
import type { Node, Pod } from "kubernetes-types/core/v1";
import type { Lease } from "kubernetes-types/coordination/v1";
import { timestamp, type KubeObject } from "../../api/object";
import { age } from "../printers/duration";
import type { DescribeContext } from "./describe-object";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { podLimits, podRequests, addResourceList, type ResourceList } from "./pod-resources";
import { DescribeWriter, LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";
import { formatQuantity, quantityMilliValue, quantityOf, quantityValue, ZERO_QUANTITY, type Quantity } from "../../api/resource-quantity";
import { rfc1123z } from "./time-format";
import { printTaintsMultiline } from "./tolerations-taints";

const ROLE_PREFIX = "node-role.kubernetes.io/";
/** The kubelet renews its lease every 10s (a quarter of the 40s lease duration). */
const LEASE_RENEW_MS = 10_000;

function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return [...roles].sort();
}

/**
 * The node's Lease in kube-node-lease. The simulator need not store leases, so without one
 * the lease a kubelet would hold is shown: renewed on the last 10s tick while the node is
 * Ready, frozen at the last heartbeat once it is not.
 */
/** A kubelet that runs posts its node's status every nodeStatusReportFrequency (5m) when nothing changed. */
const STATUS_REPORT_MS = 5 * 60_000;

function lastReport(heartbeat: string | undefined, now: number): string | undefined {
  const at = heartbeat ? Date.parse(heartbeat) : NaN;
  if (Number.isNaN(at) || now <= at) return heartbeat;
  return timestamp(at + Math.floor((now - at) / STATUS_REPORT_MS) * STATUS_REPORT_MS);
}

function nodeLease(node: Node, ctx: DescribeContext): Lease["spec"] {
  const stored = ctx.list("Lease", "kube-node-lease").find((l) => l.metadata.name === node.metadata?.name) as Lease | undefined;
  if (stored) return stored.spec ?? {};
  const ready = node.status?.conditions?.find((c) => c.type === "Ready");
  const renewTime = ready?.status === "True" ? timestamp(Math.floor(ctx.now / LEASE_RENEW_MS) * LEASE_RENEW_MS) : ready?.lastHeartbeatTime;
  return { holderIdentity: node.metadata?.name, renewTime };
}

function describeLease(spec: Lease["spec"], w: PrefixWriter): void {
  w.write(LEVEL_0, "Lease:\n");
  w.write(LEVEL_1, `HolderIdentity:\t${spec?.holderIdentity ?? "<unset>"}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec?.acquireTime ? rfc1123z(spec.acquireTime) : "<unset>"}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec?.renewTime ? rfc1123z(spec.renewTime) : "<unset>"}\n`);
}

/** Go's int64(float64(a) / float64(b) * 100): a truncated percentage. */
function percent(part: bigint, whole: bigint): number {
  return whole === 0n ? 0 : Math.trunc((Number(part) / Number(whole)) * 100);
}

const get = (list: ResourceList | Record<string, string> | undefined, name: string): Quantity =>
  list instanceof Map ? (list.get(name) ?? ZERO_QUANTITY) : quantityOf(list?.[name]);

function cell(q: Quantity, whole: Quantity, milli: boolean): string {
  const pct = milli ? percent(quantityMilliValue(q), quantityMilliValue(whole)) : percent(quantityValue(q), quantityValue(whole));
  return `${formatQuantity(q)} (${pct}%)`;
}

const isHugePages = (name: string) => name.startsWith("hugepages-");
const STANDARD = ["cpu", "memory", "ephemeral-storage"];

function describeNodeResource(pods: Pod[], node: Node, now: number, w: PrefixWriter): void {
  const status = node.status ?? {};
  const allocatable = Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable : status.capacity;
  const cpu = get(allocatable, "cpu");
  const memory = get(allocatable, "memory");
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const req = podRequests(pod);
    const lim = podLimits(pod);
    addResourceList(reqs, req);
    addResourceList(limits, lim);
    const cells = [cell(get(req, "cpu"), cpu, true), cell(get(lim, "cpu"), cpu, true), cell(get(req, "memory"), memory, false), cell(get(lim, "memory"), memory, false)];
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ""}\t${pod.metadata?.name ?? ""}\t\t${cells.join("\t")}\t${age(pod.metadata?.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  for (const name of STANDARD) {
    const whole = get(allocatable, name);
    const milli = name === "cpu";
    w.write(LEVEL_1, `${name}\t${cell(get(reqs, name), whole, milli)}\t${cell(get(limits, name), whole, milli)}\n`);
  }
  const names = Object.keys(allocatable ?? {});
  for (const name of names.filter(isHugePages).sort()) {
    const whole = get(allocatable, name);
    w.write(LEVEL_1, `${name}\t${cell(get(reqs, name), whole, false)}\t${cell(get(limits, name), whole, false)}\n`);
  }
  for (const name of names.filter((n) => !isHugePages(n) && !STANDARD.includes(n) && n !== "pods").sort()) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(get(reqs, name))}\t${formatQuantity(get(limits, name))}\n`);
  }
}

/** The API server lists pods in storage-key order: namespace, then name. */
const podKey = (p: Pod) => [p.metadata?.namespace ?? "", p.metadata?.name ?? ""];

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function printResourceList(list: Record<string, string>, w: PrefixWriter): void {
  for (const name of Object.keys(list).sort()) w.write(LEVEL_0, `  ${name}:\t${formatQuantity(quantityOf(list[name]))}\n`);
}

export function describeNode(obj: KubeObject, ctx: DescribeContext): string {
  const node = obj as unknown as Node;
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, "Taints", spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  describeLease(nodeLease(node, ctx), w);
  if (status.conditions && status.conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    const alive = status.conditions.some((c) => c.type === "Ready" && c.status === "True");
    for (const c of status.conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(alive ? lastReport(c.lastHeartbeatTime, ctx.now) : c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
    }
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  if (Object.keys(status.capacity ?? {}).length > 0) {
    w.write(LEVEL_0, "Capacity:\n");
    printResourceList(status.capacity ?? {}, w);
  }
  if (Object.keys(status.allocatable ?? {}).length > 0) {
    w.write(LEVEL_0, "Allocatable:\n");
    printResourceList(status.allocatable ?? {}, w);
  }
  const info = status.nodeInfo;
  w.write(LEVEL_0, "System Info:\n");
  const infoLines: [string, string | undefined][] = [
    ["Machine ID", info?.machineID],
    ["System UUID", info?.systemUUID],
    ["Boot ID", info?.bootID],
    ["Kernel Version", info?.kernelVersion],
    ["OS Image", info?.osImage],
    ["Operating System", info?.operatingSystem],
    ["Architecture", info?.architecture],
    ["Container Runtime Version", info?.containerRuntimeVersion],
    ["Kubelet Version", info?.kubeletVersion],
    ["Kube-Proxy Version", info?.kubeProxyVersion],
  ];
  for (const [title, value] of infoLines) w.write(LEVEL_0, `  ${title}:\t${value ?? ""}\n`);
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs && spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(",")}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  const pods = (ctx.list("Pod") as unknown as Pod[])
    .filter((p) => p.spec?.nodeName === obj.metadata.name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")
    .sort((a, b) => compareKeys(podKey(a), podKey(b)));
  describeNodeResource(pods, node, ctx.now, w);
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
