/**
 * What /usr/bin/kubelet does in its first second, given its command line and the node's
 * files: parse its flags, load and validate --config, reach the container runtime, then
 * settle into its sync loop; or exit 1 with the error its RunE returned, logged by
 * component-base's run.go as `"command failed" err="…"`.
 */
import type { Vfs } from "../shell/vfs";
import type { ProcessLine } from "./journal";
import { loadKubeletConfig, validateKubeletConfig, validationError } from "./kubelet-config";
import { parseKubeletFlags } from "./kubelet-flags";

export type ProcessOutcome =
  | { readonly ok: true; readonly lines: readonly ProcessLine[] }
  | { readonly ok: false; readonly status: number; readonly failAfterMs: number; readonly lines: readonly ProcessLine[] };

export interface KubeletEnvironment {
  readonly fs: Vfs;
  readonly host: string;
  readonly version: string;
  /** whether containerd serves its socket */
  readonly runtimeUp: boolean;
}

const CONTAINERD_SOCKETS = new Set(["unix:///var/run/containerd/containerd.sock", "unix:///run/containerd/containerd.sock"]);

/** klog's quoting of a structured value: `"` and `\` escaped. */
const quoted = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

const info = (offsetMs: number, source: string, text: string): ProcessLine => ({ offsetMs, ident: "kubelet", text, klog: { level: "I", source } });

function failed(offsetMs: number, before: readonly ProcessLine[], err: string): ProcessOutcome {
  const line: ProcessLine = { offsetMs, ident: "kubelet", text: `"command failed" err=${quoted(err)}`, klog: { level: "E", source: "run.go:74" } };
  return { ok: false, status: 1, failAfterMs: offsetMs + 1, lines: [...before, line] };
}

export function kubeletOutcome(args: readonly string[], env: KubeletEnvironment): ProcessOutcome {
  const flags = parseKubeletFlags(args);
  const lines: ProcessLine[] = flags.warnings.map((w) => ({ offsetMs: 12, ident: "kubelet", text: w }));
  // the kubelet's RunE tells a stray argument apart from a bad flag
  if (flags.error) return failed(48, lines, flags.error.startsWith("unknown command") ? flags.error : `failed to parse kubelet flag: ${flags.error}`);
  const configPath = flags.values.get("config");
  let config: Readonly<Record<string, unknown>> = {};
  if (configPath) {
    const loaded = loadKubeletConfig(env.fs, configPath);
    if ("error" in loaded) return failed(61, lines, loaded.error);
    config = loaded.config;
    if (loaded.unknown.length) {
      const err = `strict decoding error: ${loaded.unknown.map((f) => `unknown field "${f}"`).join(", ")}`;
      lines.push(info(58, "codec.go:112", `"Using lenient decoding as strict decoding failed" err=${quoted(err)}`));
    }
  }
  const invalid = validateKubeletConfig(config);
  if (invalid.length) return failed(73, lines, validationError(invalid));
  lines.push(info(88, "server.go:530", `"Kubelet version" kubeletVersion=${quoted(env.version)}`));
  lines.push(info(88, "server.go:532", `"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""`));
  const endpoint = flags.values.get("container-runtime-endpoint") ?? (typeof config.containerRuntimeEndpoint === "string" && config.containerRuntimeEndpoint ? config.containerRuntimeEndpoint : "unix:///run/containerd/containerd.sock");
  if (!env.runtimeUp || !CONTAINERD_SOCKETS.has(endpoint)) {
    const socket = endpoint.replace(/^unix:\/\//, "");
    return failed(
      143,
      lines,
      `failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint "${endpoint}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${socket}: connect: no such file or directory"`,
    );
  }
  const node = flags.values.get("hostname-override") ?? env.host;
  lines.push(
    info(121, "server.go:956", `"Client rotation is on, will bootstrap in background"`),
    info(125, "certificate_store.go:147", `"Loading cert/key pair from a file" filePath="/var/lib/kubelet/pki/kubelet-client-current.pem"`),
    info(512, "kubelet.go:2474", `"Starting kubelet main sync loop"`),
    info(903, "kubelet_node_status.go:75", `"Attempting to register node" node=${quoted(node)}`),
    info(951, "kubelet_node_status.go:124", `"Node was previously registered" node=${quoted(node)}`),
    info(951, "kubelet_node_status.go:78", `"Successfully registered node" node=${quoted(node)}`),
  );
  return { ok: true, lines };
}

/** What a kubelet writes when SIGTERM stops it. */
export const KUBELET_STOP_LINES: readonly ProcessLine[] = [info(0, "dynamic_cafile_content.go:175", `"Shutting down controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"`)];
