/**
 * Volume setup before the sandbox: every volume of the pod becomes a runtime volume
 * (emptyDir empty; configMap, secret, downwardAPI and projected as files). A missing
 * ConfigMap or Secret fails the mount with the volume manager's text, and the pod waits.
 */
import type { Container, ConfigMapVolumeSource, DownwardAPIVolumeFile, KeyToPath, SecretVolumeSource, Volume } from "kubernetes-types/core/v1";
import type { Mount, VolumeSource } from "../../runtime/types";
import type { SourceKind } from "./config-sources";
import { readSource } from "./config-sources";
import { fieldRefValue, resourceFieldValue } from "./downward-api";
import type { PodSyncState } from "./pod-sync-state";
import { serviceAccountToken } from "./service-account-token";

type Files = Record<string, string>;
type Built = { ok: true; files: Files } | { ok: false; message: string };

/** Where a volume lives in the runtime: per pod, or shared (a node's hostPath, a claim). */
export function volumeKey(ps: PodSyncState, v: Volume): { key: string; podScoped: boolean } {
  if (v.hostPath) return { key: `hostpath:${ps.nodeName}:${v.hostPath.path}`, podScoped: false };
  if (v.persistentVolumeClaim) return { key: `pvc:${ps.pod.metadata?.namespace}/${v.persistentVolumeClaim.claimName}`, podScoped: false };
  return { key: `${ps.memory.sandbox}/${v.name}`, podScoped: true };
}

function keyed(ps: PodSyncState, kind: SourceKind, name: string, items: readonly KeyToPath[] | undefined, optional: boolean | undefined): Built {
  const src = readSource(ps.ctx.api, kind, ps.pod.metadata?.namespace ?? "default", name);
  if (!src.ok) return optional ? { ok: true, files: {} } : src;
  if (!items?.length) return { ok: true, files: { ...src.data } };
  const files: Files = {};
  for (const item of items) {
    if (item.key in src.data) files[item.path] = src.data[item.key];
    else if (!optional) return { ok: false, message: `${kind} references non-existent ${kind === "configmap" ? "config" : "secret"} key: ${item.key}` };
  }
  return { ok: true, files };
}

function downward(ps: PodSyncState, items: readonly DownwardAPIVolumeFile[] | undefined): Files {
  const files: Files = {};
  for (const item of items ?? []) {
    if (item.fieldRef) files[item.path] = fieldRefValue(ps.pod, ps.status, item.fieldRef) ?? "";
    else if (item.resourceFieldRef) {
      const c = [...(ps.pod.spec?.containers ?? []), ...(ps.pod.spec?.initContainers ?? [])].find((x) => x.name === item.resourceFieldRef?.containerName);
      files[item.path] = resourceFieldValue(c, item.resourceFieldRef, ps.node);
    }
  }
  return files;
}

function configMapFiles(ps: PodSyncState, s: ConfigMapVolumeSource): Built {
  return keyed(ps, "configmap", s.name ?? "", s.items, s.optional);
}

function secretFiles(ps: PodSyncState, s: SecretVolumeSource): Built {
  return keyed(ps, "secret", s.secretName ?? "", s.items, s.optional);
}

/** The files' permission bits: the source's defaultMode (420, 0644, when the API server defaulted it). */
function defaultMode(v: Volume): number | undefined {
  return v.configMap?.defaultMode ?? v.secret?.defaultMode ?? v.downwardAPI?.defaultMode ?? v.projected?.defaultMode;
}

function sourceOf(ps: PodSyncState, v: Volume): { ok: true; source: VolumeSource } | { ok: false; message: string } {
  const mode = defaultMode(v);
  const files = (b: Built) => (b.ok ? { ok: true as const, source: { kind: "files" as const, files: b.files, ...(mode !== undefined ? { mode } : {}) } } : b);
  if (v.configMap) return files(configMapFiles(ps, v.configMap));
  if (v.secret) return files(secretFiles(ps, v.secret));
  if (v.downwardAPI) return files({ ok: true, files: downward(ps, v.downwardAPI.items) });
  if (v.projected) {
    const all: Files = {};
    for (const s of v.projected.sources ?? []) {
      let b: Built = { ok: true, files: {} };
      if (s.configMap) b = keyed(ps, "configmap", s.configMap.name ?? "", s.configMap.items, s.configMap.optional);
      else if (s.secret) b = keyed(ps, "secret", s.secret.name ?? "", s.secret.items, s.secret.optional);
      else if (s.downwardAPI) b = { ok: true, files: downward(ps, s.downwardAPI.items) };
      else if (s.serviceAccountToken) b = { ok: true, files: { [s.serviceAccountToken.path]: serviceAccountToken(ps) } };
      if (!b.ok) return b;
      Object.assign(all, b.files);
    }
    return files({ ok: true, files: all });
  }
  return { ok: true, source: { kind: "empty" } };
}

/**
 * Sets up every volume; on the first that cannot be set up, says which and why
 * (`MountVolume.SetUp failed for volume "cfg" : configmap "app" not found`).
 */
export function setUpVolumes(ps: PodSyncState): { ok: true } | { ok: false; message: string } {
  const built: { key: string; podScoped: boolean; source: VolumeSource }[] = [];
  for (const v of ps.pod.spec?.volumes ?? []) {
    const s = sourceOf(ps, v);
    if (!s.ok) return { ok: false, message: `MountVolume.SetUp failed for volume "${v.name}" : ${s.message}` };
    built.push({ ...volumeKey(ps, v), source: s.source });
  }
  for (const b of built) {
    ps.ctx.runtime.ensureVolume(b.key, b.source);
    if (b.podScoped && !ps.memory.volumes.includes(b.key)) ps.memory.volumes.push(b.key);
  }
  return { ok: true };
}

/** A container's mounts as the runtime takes them. */
export function mountsOf(ps: PodSyncState, c: Container): Mount[] {
  const volumes = new Map((ps.pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  return (c.volumeMounts ?? []).flatMap((m) => {
    const v = volumes.get(m.name);
    if (!v) return [];
    return [{ path: m.mountPath, volume: volumeKey(ps, v).key, readOnly: m.readOnly === true, ...(m.subPath ? { subPath: m.subPath } : {}) }];
  });
}
