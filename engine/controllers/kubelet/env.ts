/**
 * A container's environment as makeEnvironmentVariables builds it: service links, then
 * envFrom, then env in order (values expanding `$(VAR)`, valueFrom resolved), with the
 * errors that leave the container in CreateContainerConfigError.
 */
import type { Container, EnvVar, Pod, PodStatus } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/object";
import type { ApiServer } from "../../api/server";
import type { SourceKind } from "./config-sources";
import { readSource } from "./config-sources";
import { fieldRefValue, resourceFieldValue } from "./downward-api";
import { expand } from "./expansion";
import { serviceEnv } from "./service-env";

export type EnvResult = { readonly ok: true; readonly env: Record<string, string> } | { readonly ok: false; readonly message: string };

interface EnvInputs {
  readonly api: ApiServer;
  readonly pod: Pod;
  readonly status: Pick<PodStatus, "hostIP" | "hostIPs" | "podIP" | "podIPs">;
  readonly node: KubeObject | undefined;
}

type Lookup = { ok: true; value: string | undefined } | { ok: false; message: string };

/** One key of a ConfigMap or Secret for valueFrom; `value: undefined` means skip (optional). */
function keyRef(api: ApiServer, kind: SourceKind, namespace: string, ref: { name?: string; key: string; optional?: boolean }): Lookup {
  const name = ref.name ?? "";
  const src = readSource(api, kind, namespace, name);
  if (!src.ok) return ref.optional ? { ok: true, value: undefined } : src;
  if (!(ref.key in src.data)) {
    if (ref.optional) return { ok: true, value: undefined };
    return { ok: false, message: `couldn't find key ${ref.key} in ${kind === "configmap" ? "ConfigMap" : "Secret"} ${namespace}/${name}` };
  }
  return { ok: true, value: src.data[ref.key] };
}

function valueFrom(inputs: EnvInputs, container: Container, v: EnvVar): Lookup {
  const ns = inputs.pod.metadata?.namespace ?? "default";
  const from = v.valueFrom;
  if (from?.fieldRef) return { ok: true, value: fieldRefValue(inputs.pod, inputs.status, from.fieldRef) ?? "" };
  if (from?.resourceFieldRef) {
    const target = from.resourceFieldRef.containerName
      ? [...(inputs.pod.spec?.containers ?? []), ...(inputs.pod.spec?.initContainers ?? [])].find((c) => c.name === from.resourceFieldRef?.containerName)
      : container;
    return { ok: true, value: resourceFieldValue(target, from.resourceFieldRef, inputs.node) };
  }
  if (from?.configMapKeyRef) return keyRef(inputs.api, "configmap", ns, from.configMapKeyRef);
  if (from?.secretKeyRef) return keyRef(inputs.api, "secret", ns, from.secretKeyRef);
  return { ok: true, value: "" };
}

export function containerEnv(inputs: EnvInputs, container: Container): EnvResult {
  const ns = inputs.pod.metadata?.namespace ?? "default";
  const services = serviceEnv(inputs.api, ns, inputs.pod.spec?.enableServiceLinks !== false);
  const declared: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const kind: SourceKind = from.configMapRef ? "configmap" : "secret";
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const src = readSource(inputs.api, kind, ns, ref.name ?? "");
    if (!src.ok) {
      if (ref.optional) continue;
      return src;
    }
    for (const [k, v] of Object.entries(src.data)) declared[(from.prefix ?? "") + k] = v;
  }
  const lookup = (name: string) => declared[name] ?? services[name];
  for (const v of container.env ?? []) {
    if (v.value) {
      declared[v.name] = expand(v.value, lookup);
      continue;
    }
    const r = valueFrom(inputs, container, v);
    if (!r.ok) return r;
    if (r.value !== undefined) declared[v.name] = r.value;
  }
  return { ok: true, env: { ...services, ...declared } };
}

/** ExpandContainerCommandAndArgs: `$(VAR)` in command and args from the final environment. */
export function expandCommand(list: readonly string[] | undefined, env: Readonly<Record<string, string>>): string[] | undefined {
  return list?.map((s) => expand(s, (name) => env[name]));
}
