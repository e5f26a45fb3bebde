/**
 * The kubeconfig, read from and written to `~/.kube/config` on the learner's host as real
 * kubectl does, so `cat ~/.kube/config` and `kubectl config use-context` agree.
 */
import { parse, stringify } from "yaml";

export interface NamedCluster {
  name: string;
  cluster: { "certificate-authority-data": string; server: string };
}
export interface NamedContext {
  name: string;
  context: { cluster: string; user: string; namespace?: string };
}
export interface NamedUser {
  name: string;
  user: { "client-certificate-data": string; "client-key-data": string };
}

export interface Kubeconfig {
  apiVersion: "v1";
  kind: "Config";
  clusters: NamedCluster[];
  contexts: NamedContext[];
  "current-context": string;
  users: NamedUser[];
}

export const KUBECONFIG_PATH = "/root/.kube/config";

const CERT = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMva3ViZWxhYi1zaW11bGF0ZWQtY2x1c3Rlci1jZXJ0aWZpY2F0ZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==";
const KEY = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFa3ViZWxhYi1zaW11bGF0ZWQta2V5Ci0tLS0tRU5EIFJTQSBQUklWQVRFIEtFWS0tLS0tCg==";

export interface ClusterEndpoint {
  /** cluster name in the kubeconfig */
  readonly name: string;
  /** `https://172.30.1.2:6443` */
  readonly server: string;
  /** context name, e.g. `kubernetes-admin@kubernetes` */
  readonly context: string;
  readonly user: string;
}

export function kubeconfigFor(endpoints: readonly ClusterEndpoint[]): Kubeconfig {
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: endpoints.map((e) => ({ name: e.name, cluster: { "certificate-authority-data": CERT, server: e.server } })),
    contexts: endpoints.map((e) => ({ name: e.context, context: { cluster: e.name, user: e.user } })),
    "current-context": endpoints[0]?.context ?? "",
    users: [...new Set(endpoints.map((e) => e.user))].map((u) => ({ name: u, user: { "client-certificate-data": CERT, "client-key-data": KEY } })),
  };
}

export function serializeKubeconfig(k: Kubeconfig): string {
  return stringify(k, { indent: 2, indentSeq: false, lineWidth: 0 });
}

export type KubeconfigRead = { ok: true; value: Kubeconfig } | { ok: false; error: string };

/** Parsed kubeconfigs by their text: every kubectl command reads one, and YAML parsing was half its cost. */
const parsed = new Map<string, KubeconfigRead>();
const PARSED_KEPT = 64;

/** The kubeconfig in `text` (undefined: no file), frozen: it may be shared with the next command reading the same text. */
export function parseKubeconfig(text: string | undefined): KubeconfigRead {
  if (text === undefined) return { ok: true, value: kubeconfigFor([]) };
  let read = parsed.get(text);
  if (!read) {
    read = deepFreeze(parseText(text));
    if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, read);
  }
  return read;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function parseText(text: string): KubeconfigRead {
  try {
    const v = parse(text) as Partial<Kubeconfig> | null;
    return {
      ok: true,
      value: {
        apiVersion: "v1",
        kind: "Config",
        clusters: v?.clusters ?? [],
        contexts: v?.contexts ?? [],
        "current-context": v?.["current-context"] ?? "",
        users: v?.users ?? [],
      },
    };
  } catch (e) {
    return { ok: false, error: `error loading config file "${KUBECONFIG_PATH}": ${(e as Error).message}` };
  }
}
