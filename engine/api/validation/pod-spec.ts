/**
 * PodSpec validation (`pkg/apis/core/validation/validation.go` ValidatePodSpec): the
 * checks a learner's hand-written manifest meets most, with the server's field paths.
 */
import type { StatusCause } from "../errors";
import { dns1123LabelErrors, fieldError } from "../field-errors";
import { parseQuantity } from "../quantity";
import { canonicalQuantity } from "../resource-quantity";
import { validateAffinity } from "./affinity";
import { validateLabels } from "./metadata";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface PodSpecRules {
  /** restart policies a workload allows: Deployments only `Always`, Jobs `OnFailure`/`Never` */
  readonly restartPolicies: readonly string[];
}

export const POD_RULES: PodSpecRules = { restartPolicies: ["Always", "OnFailure", "Never"] };

function validateResources(r: unknown, path: string): StatusCause[] {
  if (!isObj(r)) return [];
  const causes: StatusCause[] = [];
  for (const kind of ["limits", "requests"]) {
    const m = r[kind];
    if (!isObj(m)) continue;
    // Decoding has already refused anything that is not a quantity.
    for (const [res, q] of Object.entries(m)) {
      if ((parseQuantity(q) ?? 0) < 0) causes.push(fieldError.invalid(`${path}.${kind}[${res}]`, q, "must be greater than or equal to 0"));
    }
  }
  const limits = isObj(r.limits) ? r.limits : {};
  const requests = isObj(r.requests) ? r.requests : {};
  for (const [res, q] of Object.entries(requests)) {
    const l = parseQuantity(limits[res]);
    const v = parseQuantity(q);
    if (l !== undefined && v !== undefined && v > l) {
      causes.push(fieldError.invalid(`${path}.requests`, canonicalQuantity(q), `must be less than or equal to ${res} limit of ${canonicalQuantity(limits[res])}`));
    }
  }
  return causes;
}

function validateProbe(p: unknown, path: string, mustSucceedOnce: boolean): StatusCause[] {
  if (!isObj(p)) return [];
  const causes: StatusCause[] = [];
  const handlers = ["exec", "httpGet", "tcpSocket", "grpc"].filter((h) => p[h] !== undefined);
  if (handlers.length === 0) causes.push(fieldError.required(path, "must specify a handler type"));
  else if (handlers.length > 1) causes.push(fieldError.forbidden(`${path}.${handlers[1]}`, "may not specify more than 1 handler type"));
  if (mustSucceedOnce && p.successThreshold !== undefined && p.successThreshold !== 1) {
    causes.push(fieldError.invalid(`${path}.successThreshold`, p.successThreshold, "must be 1"));
  }
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    const v = p[f];
    if (typeof v === "number" && v < 0) causes.push(fieldError.invalid(`${path}.${f}`, v, "must be greater than or equal to 0"));
  }
  if (isObj(p.httpGet)) causes.push(...validatePortRef(p.httpGet.port, `${path}.httpGet.port`));
  if (isObj(p.tcpSocket)) causes.push(...validatePortRef(p.tcpSocket.port, `${path}.tcpSocket.port`));
  if (isObj(p.exec) && (!Array.isArray(p.exec.command) || p.exec.command.length === 0)) causes.push(fieldError.required(`${path}.exec.command`));
  return causes;
}

function validatePortRef(port: unknown, path: string): StatusCause[] {
  if (port === undefined) return [fieldError.required(path)];
  if (typeof port === "number" && (port < 1 || port > 65535)) return [fieldError.invalid(path, port, "must be between 1 and 65535, inclusive")];
  return [];
}

function validateContainer(c: Obj, path: string, volumes: Set<string>, names: Set<string>, isInit: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  if (typeof c.name !== "string" || c.name === "") causes.push(fieldError.required(`${path}.name`));
  else {
    for (const e of dns1123LabelErrors(c.name)) causes.push(fieldError.invalid(`${path}.name`, c.name, e));
    if (names.has(c.name)) causes.push(fieldError.duplicate(`${path}.name`, c.name));
    names.add(c.name);
  }
  if (typeof c.image !== "string" || c.image.trim() === "") causes.push(fieldError.required(`${path}.image`));
  else if (c.image !== c.image.trim()) causes.push(fieldError.invalid(`${path}.image`, c.image, "must not have leading or trailing whitespace"));
  if (c.imagePullPolicy !== undefined && !["Always", "IfNotPresent", "Never"].includes(String(c.imagePullPolicy))) {
    causes.push(fieldError.unsupported(`${path}.imagePullPolicy`, c.imagePullPolicy, ["Always", "IfNotPresent", "Never"]));
  }
  if (Array.isArray(c.ports)) {
    const portNames = new Set<string>();
    c.ports.forEach((p, i) => {
      if (!isObj(p)) return;
      const pp = `${path}.ports[${i}]`;
      if (p.containerPort === undefined) causes.push(fieldError.required(`${pp}.containerPort`));
      else if (typeof p.containerPort === "number" && (p.containerPort < 1 || p.containerPort > 65535)) {
        causes.push(fieldError.invalid(`${pp}.containerPort`, p.containerPort, "must be between 1 and 65535, inclusive"));
      }
      if (p.protocol !== undefined && !["TCP", "UDP", "SCTP"].includes(String(p.protocol))) causes.push(fieldError.unsupported(`${pp}.protocol`, p.protocol, ["SCTP", "TCP", "UDP"]));
      if (typeof p.name === "string") {
        if (portNames.has(p.name)) causes.push(fieldError.duplicate(`${pp}.name`, p.name));
        portNames.add(p.name);
        if (p.name.length > 15) causes.push(fieldError.invalid(`${pp}.name`, p.name, "must be no more than 15 characters"));
      }
    });
  }
  if (Array.isArray(c.env)) {
    c.env.forEach((e, i) => {
      if (!isObj(e)) return;
      if (typeof e.name !== "string" || e.name === "") causes.push(fieldError.required(`${path}.env[${i}].name`));
      if (e.value !== undefined && e.valueFrom !== undefined) {
        causes.push(fieldError.invalid(`${path}.env[${i}].valueFrom`, "", "may not be specified when `value` is not empty"));
      }
    });
  }
  if (Array.isArray(c.volumeMounts)) {
    const paths = new Set<string>();
    c.volumeMounts.forEach((m, i) => {
      if (!isObj(m)) return;
      const mp = `${path}.volumeMounts[${i}]`;
      if (typeof m.name !== "string" || m.name === "") causes.push(fieldError.required(`${mp}.name`));
      else if (!volumes.has(m.name)) causes.push({ field: `${mp}.name`, message: `${mp}.name: Not found: ${JSON.stringify(m.name)}` });
      if (typeof m.mountPath !== "string" || m.mountPath === "") causes.push(fieldError.required(`${mp}.mountPath`));
      else {
        if (paths.has(m.mountPath)) causes.push(fieldError.invalid(`${mp}.mountPath`, m.mountPath, "must be unique"));
        paths.add(m.mountPath);
      }
    });
  }
  causes.push(...validateResources(c.resources, `${path}.resources`));
  const sidecar = isInit && c.restartPolicy === "Always";
  if (isInit && !sidecar) {
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
      if (c[probe] !== undefined) causes.push(fieldError.forbidden(`${path}.${probe}`, "may not be set for init containers without restartPolicy=Always"));
    }
  } else {
    causes.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, true));
    causes.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, false));
    causes.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, true));
  }
  if (c.restartPolicy !== undefined) {
    if (!isInit) causes.push(fieldError.forbidden(`${path}.restartPolicy`, "may not be set for non-init containers"));
    else if (c.restartPolicy !== "Always") causes.push(fieldError.unsupported(`${path}.restartPolicy`, c.restartPolicy, ["Always"]));
  }
  return causes;
}

export function validatePodSpec(spec: unknown, path: string, rules: PodSpecRules): StatusCause[] {
  if (!isObj(spec)) return [fieldError.required(`${path}.containers`)];
  const causes: StatusCause[] = [];
  const volumes = new Set<string>();
  if (Array.isArray(spec.volumes)) {
    spec.volumes.forEach((v, i) => {
      if (!isObj(v)) return;
      if (typeof v.name !== "string" || v.name === "") causes.push(fieldError.required(`${path}.volumes[${i}].name`));
      else {
        for (const e of dns1123LabelErrors(v.name)) causes.push(fieldError.invalid(`${path}.volumes[${i}].name`, v.name, e));
        if (volumes.has(v.name)) causes.push(fieldError.duplicate(`${path}.volumes[${i}].name`, v.name));
        volumes.add(v.name);
      }
    });
  }
  const names = new Set<string>();
  const inits = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  inits.forEach((c, i) => isObj(c) && causes.push(...validateContainer(c, `${path}.initContainers[${i}]`, volumes, names, true)));
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  if (containers.length === 0) causes.push(fieldError.required(`${path}.containers`));
  containers.forEach((c, i) => isObj(c) && causes.push(...validateContainer(c, `${path}.containers[${i}]`, volumes, names, false)));
  if (spec.restartPolicy !== undefined && !rules.restartPolicies.includes(String(spec.restartPolicy))) {
    causes.push(fieldError.unsupported(`${path}.restartPolicy`, spec.restartPolicy, rules.restartPolicies));
  }
  if (spec.dnsPolicy !== undefined && !["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"].includes(String(spec.dnsPolicy))) {
    causes.push(fieldError.unsupported(`${path}.dnsPolicy`, spec.dnsPolicy, ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"]));
  }
  if (typeof spec.terminationGracePeriodSeconds === "number" && spec.terminationGracePeriodSeconds < 0) {
    causes.push(fieldError.invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, "must be greater than or equal to 0"));
  }
  if (typeof spec.activeDeadlineSeconds === "number" && spec.activeDeadlineSeconds <= 0) {
    causes.push(fieldError.invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, "must be between 1 and 2147483647, inclusive"));
  }
  causes.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  causes.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  if (Array.isArray(spec.tolerations)) {
    spec.tolerations.forEach((t, i) => {
      if (!isObj(t)) return;
      const tp = `${path}.tolerations[${i}]`;
      if (t.operator !== undefined && !["Exists", "Equal"].includes(String(t.operator))) causes.push(fieldError.unsupported(`${tp}.operator`, t.operator, ["Equal", "Exists"]));
      if (t.operator === "Exists" && t.value !== undefined && t.value !== "") causes.push(fieldError.invalid(`${tp}.operator`, t.operator, "value must be empty when `operator` is 'Exists'"));
      if (t.effect !== undefined && t.effect !== "" && !["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(String(t.effect))) {
        causes.push(fieldError.unsupported(`${tp}.effect`, t.effect, ["NoExecute", "NoSchedule", "PreferNoSchedule"]));
      }
      if (t.tolerationSeconds !== undefined && t.effect !== "NoExecute") causes.push(fieldError.invalid(`${tp}.effect`, t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
      if ((t.key === undefined || t.key === "") && t.operator !== "Exists") causes.push(fieldError.invalid(`${tp}.operator`, t.operator ?? "", "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    });
  }
  return causes;
}
