/** Validation of Namespace, ConfigMap, Secret, ServiceAccount, Service, Node and Event. */
import type { StatusCause } from "../errors";
import { fieldError } from "../field-errors";
import { validateLabels, validateObjectMeta } from "./metadata";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

function validateKeys(data: unknown, path: string): StatusCause[] {
  if (!isObj(data)) return [];
  return Object.keys(data).flatMap((k) => (CONFIG_KEY.test(k) && k.length <= 253 ? [] : [fieldError.invalid(`${path}[${k}]`, k, CONFIG_KEY_MSG)]));
}

export function validateNamespace(ns: Obj): StatusCause[] {
  return validateObjectMeta(ns.metadata as Obj, "label");
}

export function validateConfigMap(cm: Obj): StatusCause[] {
  return [...validateObjectMeta(cm.metadata as Obj, "subdomain"), ...validateKeys(cm.data, "data"), ...validateKeys(cm.binaryData, "binaryData")];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function validateSecret(s: Obj): StatusCause[] {
  const causes = [...validateObjectMeta(s.metadata as Obj, "subdomain"), ...validateKeys(s.data, "data")];
  if (isObj(s.data)) {
    for (const [k, v] of Object.entries(s.data)) {
      if (typeof v !== "string" || !BASE64.test(v)) {
        return [{ field: `data[${k}]`, message: `illegal base64 data at input byte ${firstBadByte(String(v))}` }];
      }
    }
  }
  return causes;
}

function firstBadByte(v: string): number {
  for (let i = 0; i < v.length; i++) if (!/[A-Za-z0-9+/=]/.test(v[i])) return i;
  return Math.floor(v.length / 4) * 4;
}

export function validateServiceAccount(sa: Obj): StatusCause[] {
  return validateObjectMeta(sa.metadata as Obj, "subdomain");
}

export function validateService(svc: Obj): StatusCause[] {
  const causes = [...validateObjectMeta(svc.metadata as Obj, "label")];
  const spec = isObj(svc.spec) ? svc.spec : {};
  const types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
  if (spec.type !== undefined && !types.includes(String(spec.type))) causes.push(fieldError.unsupported("spec.type", spec.type, types));
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  if (ports.length === 0 && spec.type !== "ExternalName" && spec.clusterIP !== "None") causes.push(fieldError.required("spec.ports"));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (!isObj(p)) return;
    const pp = `spec.ports[${i}]`;
    if (p.port === undefined) causes.push(fieldError.required(`${pp}.port`));
    else if (typeof p.port === "number" && (p.port < 1 || p.port > 65535)) causes.push(fieldError.invalid(`${pp}.port`, p.port, "must be between 1 and 65535, inclusive"));
    if (ports.length > 1 && (typeof p.name !== "string" || p.name === "")) causes.push(fieldError.required(`${pp}.name`));
    if (typeof p.name === "string" && p.name) {
      if (names.has(p.name)) causes.push(fieldError.duplicate(`${pp}.name`, p.name));
      names.add(p.name);
    }
    if (typeof p.nodePort === "number" && (p.nodePort < 30000 || p.nodePort > 32767)) {
      causes.push(fieldError.invalid(`${pp}.nodePort`, p.nodePort, "provided port is not in the valid range. The range of valid ports is 30000-32767"));
    }
  });
  causes.push(...validateLabels(spec.selector, "spec.selector"));
  return causes;
}

export function validateNode(node: Obj): StatusCause[] {
  const causes = validateObjectMeta(node.metadata as Obj, "subdomain");
  const spec = isObj(node.spec) ? node.spec : {};
  if (Array.isArray(spec.taints)) {
    spec.taints.forEach((t, i) => {
      if (!isObj(t)) return;
      if (!["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(String(t.effect))) {
        causes.push(fieldError.unsupported(`spec.taints[${i}].effect`, t.effect ?? "", ["NoExecute", "NoSchedule", "PreferNoSchedule"]));
      }
    });
  }
  return causes;
}

export function validateEvent(ev: Obj): StatusCause[] {
  return validateObjectMeta(ev.metadata as Obj, "subdomain");
}
