/**
 * ConfigMaps and Secrets as the kubelet's managers read them, with their error texts:
 * the managers name the resource in the singular (`configmap "x" not found`).
 */
import type { ApiServer } from "../../api/server";

export type SourceKind = "configmap" | "secret";

export type SourceData = { readonly ok: true; readonly data: Readonly<Record<string, string>> } | { readonly ok: false; readonly message: string };

function decode(b64: string): string {
  try {
    const bytes = Uint8Array.from(atob(b64.replace(/\s/g, "")), (ch) => ch.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return "";
  }
}

/** The key → text map of a ConfigMap (data, then binaryData) or a Secret (data decoded, stringData). */
export function readSource(api: ApiServer, kind: SourceKind, namespace: string, name: string): SourceData {
  const o = api.store.get(kind === "configmap" ? "configmaps" : "secrets", namespace, name) as Record<string, unknown> | undefined;
  if (!o) return { ok: false, message: `${kind} "${name}" not found` };
  const data: Record<string, string> = {};
  const plain = (o.data ?? {}) as Record<string, string>;
  if (kind === "configmap") {
    Object.assign(data, plain);
    for (const [k, v] of Object.entries((o.binaryData ?? {}) as Record<string, string>)) data[k] = decode(v);
  } else {
    for (const [k, v] of Object.entries(plain)) data[k] = decode(v);
    Object.assign(data, (o.stringData ?? {}) as Record<string, string>);
  }
  return { ok: true, data };
}
