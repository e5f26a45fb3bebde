/**
 * The kubelet's command line as pflag reads it (cmd/kubelet/app/options): the flags of
 * KubeletFlags and the global logging flags, and the KubeletConfiguration flags, which
 * still work but are deprecated in favour of the --config file. Names are normalised as
 * WordSepNormalizeFunc does (`_` reads as `-`).
 */

/** Flags of KubeletFlags and the globals; `bool` ones take no value. */
const NODE_FLAGS: Readonly<Record<string, "bool" | "value">> = {
  config: "value",
  "config-dir": "value",
  kubeconfig: "value",
  "bootstrap-kubeconfig": "value",
  "cert-dir": "value",
  "hostname-override": "value",
  "node-ip": "value",
  "node-labels": "value",
  "root-dir": "value",
  "lock-file": "value",
  "exit-on-lock-contention": "bool",
  "image-credential-provider-config": "value",
  "image-credential-provider-bin-dir": "value",
  "cloud-provider": "value",
  "cloud-config": "value",
  "provider-id": "value",
  v: "value",
  vmodule: "value",
  "log-flush-frequency": "value",
  "logging-format": "value",
  help: "bool",
  version: "bool",
};

/** KubeletConfiguration fields that also have a (deprecated) flag. */
const CONFIG_FLAGS: Readonly<Record<string, "bool" | "value">> = {
  "fail-swap-on": "bool",
  address: "value",
  port: "value",
  "read-only-port": "value",
  "tls-cert-file": "value",
  "tls-private-key-file": "value",
  "tls-cipher-suites": "value",
  "tls-min-version": "value",
  "rotate-certificates": "bool",
  "rotate-server-certificates": "bool",
  "authentication-token-webhook": "bool",
  "authentication-token-webhook-cache-ttl": "value",
  "anonymous-auth": "bool",
  "client-ca-file": "value",
  "authorization-mode": "value",
  "authorization-webhook-cache-authorized-ttl": "value",
  "authorization-webhook-cache-unauthorized-ttl": "value",
  "enable-server": "bool",
  "enable-debugging-handlers": "bool",
  "contention-profiling": "bool",
  "healthz-port": "value",
  "healthz-bind-address": "value",
  "oom-score-adj": "value",
  "cluster-domain": "value",
  "pod-manifest-path": "value",
  "file-check-frequency": "value",
  "http-check-frequency": "value",
  "manifest-url": "value",
  "manifest-url-header": "value",
  "sync-frequency": "value",
  "cluster-dns": "value",
  "streaming-connection-idle-timeout": "value",
  "node-status-update-frequency": "value",
  "image-gc-high-threshold": "value",
  "image-gc-low-threshold": "value",
  "minimum-image-ttl-duration": "value",
  "volume-stats-agg-period": "value",
  "feature-gates": "value",
  "kubelet-cgroups": "value",
  "system-cgroups": "value",
  "cgroups-per-qos": "bool",
  "cgroup-driver": "value",
  "cgroup-root": "value",
  "cpu-manager-policy": "value",
  "cpu-manager-policy-options": "value",
  "cpu-manager-reconcile-period": "value",
  "qos-reserved": "value",
  "topology-manager-policy": "value",
  "topology-manager-scope": "value",
  "topology-manager-policy-options": "value",
  "runtime-request-timeout": "value",
  "hairpin-mode": "value",
  "max-pods": "value",
  "pod-cidr": "value",
  "pod-max-pids": "value",
  "resolv-conf": "value",
  "runtime-cgroups": "value",
  "cpu-cfs-quota": "bool",
  "cpu-cfs-quota-period": "value",
  "enable-controller-attach-detach": "bool",
  "make-iptables-util-chains": "bool",
  "iptables-masquerade-bit": "value",
  "iptables-drop-bit": "value",
  "container-log-max-size": "value",
  "container-log-max-files": "value",
  "allowed-unsafe-sysctls": "value",
  "node-status-max-images": "value",
  "kernel-memcg-notification": "bool",
  "local-storage-capacity-isolation": "bool",
  "max-open-files": "value",
  "kube-api-content-type": "value",
  "kube-api-qps": "value",
  "kube-api-burst": "value",
  "serialize-image-pulls": "bool",
  "max-parallel-image-pulls": "value",
  "eviction-hard": "value",
  "eviction-soft": "value",
  "eviction-soft-grace-period": "value",
  "eviction-pressure-transition-period": "value",
  "eviction-max-pod-grace-period": "value",
  "eviction-minimum-reclaim": "value",
  "pods-per-core": "value",
  "protect-kernel-defaults": "bool",
  "reserved-cpus": "value",
  "system-reserved": "value",
  "kube-reserved": "value",
  "system-reserved-cgroup": "value",
  "kube-reserved-cgroup": "value",
  "enforce-node-allocatable": "value",
  "reserved-memory": "value",
  "memory-manager-policy": "value",
  "register-node": "bool",
  "register-with-taints": "value",
  "seccomp-default": "bool",
  "event-qps": "value",
  "event-burst": "value",
  "registry-qps": "value",
  "registry-burst": "value",
  "volume-plugin-dir": "value",
  "container-runtime-endpoint": "value",
  "image-service-endpoint": "value",
};

const DEPRECATED_FOR_CONFIG =
  "This parameter should be set via the config file specified by the Kubelet's --config flag. See https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/ for more information.";

export interface ParsedFlags {
  readonly values: ReadonlyMap<string, string>;
  /** pflag's "Flag --x has been deprecated, …" lines, printed as each flag is read */
  readonly warnings: readonly string[];
  /** pflag's error (`unknown flag: --x`, `flag needs an argument: --x`), which stops the reading */
  readonly error?: string;
}

export function parseKubeletFlags(args: readonly string[]): ParsedFlags {
  const values = new Map<string, string>();
  const warnings: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") break;
    if (!a.startsWith("-") || a === "-") return { values, warnings, error: `unknown command ${a}` };
    const long = a.startsWith("--");
    const body = a.slice(long ? 2 : 1);
    const eq = body.indexOf("=");
    const raw = eq < 0 ? body : body.slice(0, eq);
    const name = raw.replace(/_/g, "-");
    const kind = NODE_FLAGS[name] ?? CONFIG_FLAGS[name] ?? (!long && raw === "h" ? "bool" : !long && raw === "v" ? "value" : undefined);
    if (!kind) return { values, warnings, error: long ? `unknown flag: --${raw}` : `unknown shorthand flag: '${raw[0]}' in ${a}` };
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (kind === "bool") value = "true";
    else if (i + 1 < args.length) value = args[++i];
    else return { values, warnings, error: `flag needs an argument: ${long ? "--" : "-"}${raw}` };
    if (CONFIG_FLAGS[name] && !values.has(name)) warnings.push(`Flag --${name} has been deprecated, ${DEPRECATED_FOR_CONFIG}`);
    values.set(name, value);
  }
  return { values, warnings };
}
