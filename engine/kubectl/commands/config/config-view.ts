/**
 * The kubeconfig as `kubectl config view` prints it (client-go clientcmd/api helpers.go
 * and api/v1 types.go): MinifyConfig keeps only what the current context uses;
 * ShortenConfig replaces certificate and key data by `DATA+OMITTED` and tokens by
 * `REDACTED` unless `--raw`. Entries come out sorted by name and in the field order of the
 * v1 Go structs, which `-o json` keeps; empty lists are `null` (Go nil slices).
 */
import type { Kubeconfig } from "../../kubeconfig";

type Fields = Record<string, unknown>;
type Named = { name: string } & Fields;

const CLUSTER_FIELDS = ["server", "tls-server-name", "insecure-skip-tls-verify", "certificate-authority", "certificate-authority-data", "proxy-url", "disable-compression", "extensions"];
const CONTEXT_FIELDS = ["cluster", "user", "namespace", "extensions"];
const USER_FIELDS = ["client-certificate", "client-certificate-data", "client-key", "client-key-data", "token", "tokenFile", "as", "as-uid", "as-groups", "as-user-extra", "username", "password", "auth-provider", "exec", "extensions"];

const OMITTED_WHEN_SHORT: Record<string, string> = {
  "certificate-authority-data": "DATA+OMITTED",
  "client-certificate-data": "DATA+OMITTED",
  "client-key-data": "DATA+OMITTED",
  token: "REDACTED",
};

/** Fields in struct order, unknown ones after; empty optional fields dropped as `omitempty` does. */
function ordered(fields: Fields, order: readonly string[], required: readonly string[], short: boolean): Fields {
  const out: Fields = {};
  for (const k of [...order, ...Object.keys(fields).filter((f) => !order.includes(f))]) {
    const v = fields[k] ?? (required.includes(k) ? "" : undefined);
    if (!required.includes(k) && (v === "" || v === false || v === null || v === undefined)) continue;
    out[k] = short && k in OMITTED_WHEN_SHORT ? OMITTED_WHEN_SHORT[k] : v;
  }
  return out;
}

function section(entries: readonly Named[], key: string, order: readonly string[], required: readonly string[], short: boolean): Fields[] | null {
  if (entries.length === 0) return null;
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => ({ name: e.name, [key]: ordered((e[key] ?? {}) as Fields, order, required, short) }));
}

export type ViewResult = { ok: true; value: Fields } | { ok: false; error: string };

/** clientcmdapi.MinifyConfig: the current context, its cluster and its user. */
function minify(k: Kubeconfig, context: string): { ok: true; value: Kubeconfig } | { ok: false; error: string } {
  if (!context) return { ok: false, error: "current-context must exist in order to minify" };
  const ctx = k.contexts.find((c) => c.name === context);
  if (!ctx) return { ok: false, error: `cannot locate context ${context}` };
  const cluster = k.clusters.filter((c) => c.name === ctx.context.cluster);
  if (ctx.context.cluster && cluster.length === 0) return { ok: false, error: `cannot locate cluster ${ctx.context.cluster}` };
  const users = k.users.filter((u) => u.name === ctx.context.user);
  if (ctx.context.user && users.length === 0) return { ok: false, error: `cannot locate user ${ctx.context.user}` };
  return { ok: true, value: { ...k, "current-context": context, contexts: [ctx], clusters: cluster, users } };
}

export interface ViewOptions {
  readonly raw: boolean;
  readonly minify: boolean;
  /** `--context`, which `--minify` makes the current context */
  readonly context: string;
}

export function configView(kubeconfig: Kubeconfig, opts: ViewOptions): ViewResult {
  let k = kubeconfig;
  if (opts.minify) {
    const m = minify(k, opts.context || k["current-context"]);
    if (!m.ok) return m;
    k = m.value;
  }
  const short = !opts.raw;
  return {
    ok: true,
    value: {
      kind: "Config",
      apiVersion: "v1",
      clusters: section(k.clusters as unknown as Named[], "cluster", CLUSTER_FIELDS, ["server"], short),
      users: section(k.users as unknown as Named[], "user", USER_FIELDS, [], short),
      contexts: section(k.contexts as unknown as Named[], "context", CONTEXT_FIELDS, ["cluster", "user"], short),
      "current-context": k["current-context"],
    },
  };
}
