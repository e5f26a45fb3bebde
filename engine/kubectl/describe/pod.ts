/** describe.go's describePod. */
import type { EnvVar, Pod, ResourceRequirements } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import { age } from "../printers/duration";
import { describeContainers, describeResources, type EnvResolver } from "./containers";
import type { DescribeContext } from "./describe-object";
import { printController } from "./controller-ref";
import { describeEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./labels-annotations";
import { DescribeWriter, LEVEL_0, LEVEL_1 } from "./prefix-writer";
import { podQOS } from "./qos";
import { rfc1123z } from "./time-format";
import { printTolerationsMultiline } from "./tolerations-taints";
import { describeTopologySpreadConstraints } from "./topology-spread";
import { describeVolumes } from "./volumes";

/**
 * kubectl's EnvValueRetriever converts the field path with its client scheme, which
 * knows only metadata.name and metadata.namespace for pods; every other fieldRef
 * (status.podIP, spec.nodeName, ...) prints an empty value.
 */
function envResolver(pod: Pod): EnvResolver {
  return (e: EnvVar) => {
    const path = e.valueFrom?.fieldRef?.fieldPath;
    if (path === "metadata.name") return pod.metadata?.name ?? "";
    if (path === "metadata.namespace") return pod.metadata?.namespace ?? "";
    return "";
  };
}

export function describePod(obj: KubeObject, ctx: DescribeContext): string {
  const pod = obj as unknown as Pod;
  const meta = obj.metadata;
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${meta.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  if (meta.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${age(meta.deletionTimestamp, ctx.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
  if (!status.podIPs || status.podIPs.length === 0) {
    w.write(LEVEL_0, "IPs:\t<none>\n");
  } else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip ?? ""}\n`);
  }
  const controlledBy = printController(meta);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const podResources = (spec as { resources?: ResourceRequirements }).resources;
  if (podResources) {
    w.write(LEVEL_0, "Resources:\n");
    describeResources(podResources, w, LEVEL_1);
  }
  const resolve = envResolver(pod);
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers("Init Containers", spec.initContainers, status.initContainerStatuses, resolve, w, "");
  describeContainers("Containers", spec.containers, status.containerStatuses, resolve, w, "");
  if (spec.ephemeralContainers && spec.ephemeralContainers.length > 0) describeContainers("Ephemeral Containers", spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, w, "");
  if (spec.readinessGates && spec.readinessGates.length > 0) {
    w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of spec.readinessGates) {
      const c = status.conditions?.find((c) => c.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
    }
  }
  if (status.conditions && status.conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(spec.volumes, w, "");
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "");
  if (ctx.showEvents !== false) describeEvents(ctx.events, ctx.now, w);
  return w.render();
}
