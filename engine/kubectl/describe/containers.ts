/** describe.go's describeContainers: one block per container, for pods and pod templates. */
import type { Container, ContainerState, ContainerStatus, EnvVar, Probe, ResourceRequirements } from "kubernetes-types/core/v1";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from "./prefix-writer";
import { canonicalQuantity, quantityMilliValue, quantityOf, quantityValue } from "../../api/resource-quantity";
import { rfc1123z } from "./time-format";

/** Resolves a fieldRef env var to its value; templates have none. */
export type EnvResolver = (e: EnvVar) => string;

const printBool = (v: boolean | undefined) => (v ? "True" : "False");

export function describeResources(resources: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  for (const [title, list] of [["Limits", resources.limits], ["Requests", resources.requests]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${canonicalQuantity(list?.[name])}\n`);
  }
}

function portList(container: Container, pick: (p: { containerPort: number; hostPort?: number }) => number): string {
  return (container.ports ?? []).map((p) => `${pick(p)}/${p.protocol ?? ""}${p.name ? ` (${p.name})` : ""}`).join(", ");
}

function describeBasicInfo(c: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? " " : ""}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ""}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ""}\n`);
  const ports = portList(c, (p) => p.containerPort);
  w.write(LEVEL_2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
  const hostPorts = portList(c, (p) => p.hostPort ?? 0);
  w.write(LEVEL_2, hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === "Localhost") w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
}

function describeCommand(c: Container, w: PrefixWriter): void {
  for (const [title, items] of [["Command", c.command], ["Args", c.args]] as const) {
    if (!items || items.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of items) for (const line of item.split("\n")) w.write(LEVEL_3, `${line}\n`);
  }
}

function describeStatus(title: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
  }
}

function describeState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus("State", status.state, w);
  if (status.lastState?.terminated) describeStatus("Last State", status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

/** net.JoinHostPort: IPv6 hosts go in brackets. */
const joinHostPort = (host: string, port: string) => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);

/** describe.DescribeProbe, in the 1.35 `#success=1 #failure=3` form. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const port = String(p.httpGet.port ?? "");
    const host = port ? joinHostPort(p.httpGet.host ?? "", port) : (p.httpGet.host ?? "");
    const path = p.httpGet.path ?? "";
    const scheme = (p.httpGet.scheme ?? "").toLowerCase();
    const slash = path && !path.startsWith("/") && host ? "/" : "";
    return `http-get ${scheme ? `${scheme}:` : ""}//${host}${slash}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeProbes(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

function describeEnvFrom(c: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, "Environment Variables from:\n");
  for (const e of c.envFrom ?? []) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? "ConfigMap" : e.secretRef ? "Secret" : "";
    const optional = ref?.optional === true;
    const source = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(LEVEL_3, `${ref?.name ?? ""}\t${source}\tOptional: ${optional}\n`);
  }
}

/** resourcehelper.ExtractContainerResourceValue: the limit or request divided by the divisor, rounded up. */
function containerResourceValue(c: Container, resource: string, divisor: unknown): string | undefined {
  const [kind, name] = resource.split(".", 2);
  if ((kind !== "limits" && kind !== "requests") || !["cpu", "memory", "ephemeral-storage"].includes(name)) return undefined;
  const q = quantityOf((kind === "limits" ? c.resources?.limits : c.resources?.requests)?.[name]);
  const d = quantityOf(divisor ?? "1");
  const one = d.nanos === 0n ? quantityOf("1") : d;
  const value = name === "cpu" ? Number(quantityMilliValue(q)) / Number(quantityMilliValue(one)) : Number(quantityValue(q)) / Number(quantityValue(one));
  return String(Math.ceil(value));
}

function describeEnv(c: Container, resolve: EnvResolver | undefined, w: PrefixWriter): void {
  w.write(LEVEL_2, `Environment:${c.env && c.env.length > 0 ? "" : "\t<none>"}\n`);
  for (const e of c.env ?? []) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? "").split("\n").forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      const value = resolve ? resolve(e) : "";
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ""}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = containerResourceValue(c, resource, from.resourceFieldRef.divisor) ?? "";
      if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory")) value = "node allocatable";
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ""}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ""}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
    }
  }
}

function describeMounts(c: Container, w: PrefixWriter): void {
  const none = c.volumeMounts && c.volumeMounts.length > 0 ? "" : "\t<none>";
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))) {
    const flags = [m.readOnly ? "ro" : "rw"];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
  if (c.volumeDevices && c.volumeDevices.length > 0) {
    // kubectl reuses the Mounts marker here, so devices print `<none>` when there are no mounts.
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of [...c.volumeDevices].sort((a, b) => (a.devicePath < b.devicePath ? -1 : 1))) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

export function describeContainers(label: string, containers: readonly Container[] | undefined, statuses: readonly ContainerStatus[] | undefined, resolve: EnvResolver | undefined, w: PrefixWriter, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers && containers.length > 0 ? "" : " <none>"}\n`);
  for (const c of containers ?? []) {
    const status = byName.get(c.name);
    describeBasicInfo(c, status, space, w);
    describeCommand(c, w);
    if (status) describeState(status, w);
    describeResources(c.resources, w, LEVEL_2);
    describeProbes(c, w);
    if (c.envFrom && c.envFrom.length > 0) describeEnvFrom(c, w);
    describeEnv(c, resolve, w);
    describeMounts(c, w);
  }
}
