/**
 * PodSpec defaulting (`pkg/apis/core/v1/defaults.go`): what every pod and every pod
 * template gets. Pod-only additions (service account volume, tolerations, priority,
 * requests from limits) live in pod.ts.
 */
import { defaultPullPolicy } from "./image";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function setDefault(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined) o[key] = value;
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  setDefault(p, "timeoutSeconds", 1);
  setDefault(p, "periodSeconds", 10);
  setDefault(p, "successThreshold", 1);
  setDefault(p, "failureThreshold", 3);
  if (isObj(p.httpGet)) {
    setDefault(p.httpGet, "path", "/");
    setDefault(p.httpGet, "scheme", "HTTP");
  }
  if (isObj(p.grpc)) setDefault(p.grpc, "service", "");
}

function defaultHandler(h: unknown): void {
  if (isObj(h) && isObj(h.httpGet)) {
    setDefault(h.httpGet, "path", "/");
    setDefault(h.httpGet, "scheme", "HTTP");
  }
}

export function defaultContainer(c: unknown): void {
  if (!isObj(c)) return;
  if (typeof c.image === "string") setDefault(c, "imagePullPolicy", defaultPullPolicy(c.image));
  setDefault(c, "terminationMessagePath", "/dev/termination-log");
  setDefault(c, "terminationMessagePolicy", "File");
  setDefault(c, "resources", {});
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObj(p)) setDefault(p, "protocol", "TCP");
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  if (isObj(c.lifecycle)) {
    defaultHandler(c.lifecycle.postStart);
    defaultHandler(c.lifecycle.preStop);
  }
  if (Array.isArray(c.env)) {
    for (const e of c.env) {
      if (isObj(e) && isObj(e.valueFrom) && isObj(e.valueFrom.fieldRef)) setDefault(e.valueFrom.fieldRef, "apiVersion", "v1");
    }
  }
}

function defaultVolume(v: unknown): void {
  if (!isObj(v)) return;
  const sources = ["emptyDir", "hostPath", "configMap", "secret", "persistentVolumeClaim", "downwardAPI", "projected", "nfs", "csi", "ephemeral", "image"];
  if (!sources.some((s) => v[s] !== undefined)) v.emptyDir = {};
  for (const s of ["configMap", "secret", "downwardAPI", "projected"]) if (isObj(v[s])) setDefault(v[s] as Obj, "defaultMode", 420);
  if (isObj(v.hostPath)) setDefault(v.hostPath, "type", "");
  if (isObj(v.downwardAPI) && Array.isArray(v.downwardAPI.items)) {
    for (const it of v.downwardAPI.items) if (isObj(it) && isObj(it.fieldRef)) setDefault(it.fieldRef, "apiVersion", "v1");
  }
}

export function defaultPodSpec(spec: unknown): void {
  if (!isObj(spec)) return;
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "restartPolicy", "Always");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const list of ["containers", "initContainers"]) {
    if (Array.isArray(spec[list])) for (const c of spec[list] as unknown[]) defaultContainer(c);
  }
  if (Array.isArray(spec.volumes)) for (const v of spec.volumes) defaultVolume(v);
  if (spec.hostNetwork === true && Array.isArray(spec.containers)) {
    for (const c of spec.containers) {
      if (isObj(c) && Array.isArray(c.ports)) for (const p of c.ports) if (isObj(p) && !p.hostPort) p.hostPort = p.containerPort;
    }
  }
}
