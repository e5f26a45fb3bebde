/**
 * The kubelet loading its --config file (cmd/kubelet/app/server.go loadConfigFile,
 * pkg/kubelet/kubeletconfig/configfiles, util/codec): read, decode strictly and fall back to
 * a lenient decode that only logs unknown fields, then ValidateKubeletConfiguration. The
 * error texts are the kubelet's, wrapped as its RunE wraps them.
 */
import { parseDocument } from "yaml";
import type { Vfs } from "../shell/vfs";
import { parseManifests } from "../kubectl/manifests";

const API_VERSION = "kubelet.config.k8s.io/v1beta1";
const SCHEME = "pkg/kubelet/apis/config/scheme/scheme.go:33";

/** The fields of KubeletConfiguration v1beta1 (staging/src/k8s.io/kubelet/config/v1beta1/types.go). */
const FIELDS = new Set(
  (
    "apiVersion kind enableServer staticPodPath podLogsDir syncFrequency fileCheckFrequency httpCheckFrequency staticPodURL staticPodURLHeader " +
    "address port readOnlyPort tlsCertFile tlsPrivateKeyFile tlsCipherSuites tlsMinVersion rotateCertificates serverTLSBootstrap authentication " +
    "authorization registryPullQPS registryBurst imagePullCredentialsVerificationPolicy preloadedImagesVerificationAllowlist eventRecordQPS eventBurst " +
    "enableDebuggingHandlers enableContentionProfiling healthzPort healthzBindAddress oomScoreAdj clusterDomain clusterDNS streamingConnectionIdleTimeout " +
    "nodeStatusUpdateFrequency nodeStatusReportFrequency nodeLeaseDurationSeconds imageMinimumGCAge imageMaximumGCAge imageGCHighThresholdPercent " +
    "imageGCLowThresholdPercent volumeStatsAggPeriod kubeletCgroups systemCgroups cgroupRoot cgroupsPerQOS cgroupDriver cpuManagerPolicy " +
    "singleProcessOOMKill cpuManagerPolicyOptions cpuManagerReconcilePeriod memoryManagerPolicy topologyManagerPolicy topologyManagerScope " +
    "topologyManagerPolicyOptions qosReserved runtimeRequestTimeout hairpinMode maxPods podCIDR podPidsLimit resolvConf runOnce cpuCFSQuota " +
    "cpuCFSQuotaPeriod nodeStatusMaxImages maxOpenFiles contentType kubeAPIQPS kubeAPIBurst serializeImagePulls maxParallelImagePulls evictionHard " +
    "evictionSoft evictionSoftGracePeriod evictionPressureTransitionPeriod evictionMaxPodGracePeriod evictionMinimumReclaim mergeDefaultEvictionSettings " +
    "podsPerCore enableControllerAttachDetach protectKernelDefaults makeIPTablesUtilChains iptablesMasqueradeBit iptablesDropBit featureGates " +
    "failSwapOn memorySwap containerLogMaxSize containerLogMaxFiles containerLogMaxWorkers containerLogMonitorInterval configMapAndSecretChangeDetectionStrategy " +
    "systemReserved kubeReserved reservedSystemCPUs showHiddenMetricsForVersion systemReservedCgroup kubeReservedCgroup enforceNodeAllocatable " +
    "allowedUnsafeSysctls volumePluginDir providerID kernelMemcgNotification logging enableSystemLogHandler enableSystemLogQuery shutdownGracePeriod " +
    "shutdownGracePeriodCriticalPods shutdownGracePeriodByPodPriority crashLoopBackOff reservedMemory enableProfilingHandler enableDebugFlagsHandler " +
    "seccompDefault memoryThrottlingFactor registerWithTaints registerNode tracing localStorageCapacityIsolation containerRuntimeEndpoint imageServiceEndpoint " +
    "failCgroupV1 userNamespaces"
  ).split(" "),
);

/** Go types of the fields a learner is likely to get wrong, for json's "cannot unmarshal" error. */
const FIELD_TYPES: Readonly<Record<string, "int32" | "int64" | "bool" | "string">> = {
  port: "int32",
  readOnlyPort: "int32",
  healthzPort: "int32",
  maxPods: "int32",
  podsPerCore: "int32",
  oomScoreAdj: "int32",
  imageGCHighThresholdPercent: "int32",
  imageGCLowThresholdPercent: "int32",
  eventBurst: "int32",
  registryBurst: "int32",
  maxOpenFiles: "int64",
  podPidsLimit: "int64",
  failSwapOn: "bool",
  serializeImagePulls: "bool",
  rotateCertificates: "bool",
  cgroupsPerQOS: "bool",
  enableServer: "bool",
  staticPodPath: "string",
  cgroupDriver: "string",
  clusterDomain: "string",
  containerRuntimeEndpoint: "string",
  resolvConf: "string",
  address: "string",
  healthzBindAddress: "string",
};

export interface LoadedConfig {
  readonly config: Readonly<Record<string, unknown>>;
  /** the fields strict decoding refused, which the lenient decode dropped */
  readonly unknown: readonly string[];
}

/**
 * sigs.k8s.io/yaml's error for text that is not YAML, worded as kubectl words it, at the
 * line the parser stopped on. A repeated key is only a strict-decoding complaint, which the
 * lenient decode gets past.
 */
function yamlError(text: string, path: string): string | undefined {
  const parsed = parseManifests(text, path);
  const worded = parsed.ok ? undefined : /error converting YAML to JSON: yaml: line \d+: (.*)$/.exec(parsed.error);
  if (!worded || worded[1] === "mapping key already defined") return undefined;
  const line = parseDocument(text, { version: "1.1", prettyErrors: true }).errors[0]?.linePos?.[0]?.line ?? 1;
  return `error converting YAML to JSON: yaml: line ${line}: ${worded[1]}`;
}

const jsonKind = (v: unknown): string => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v === "object" ? "object" : typeof v === "boolean" ? "bool" : typeof v);

function typeError(config: Record<string, unknown>): string | undefined {
  for (const [field, type] of Object.entries(FIELD_TYPES)) {
    const v = config[field];
    if (v === undefined || v === null) continue;
    const ok = type === "bool" ? typeof v === "boolean" : type === "string" ? typeof v === "string" : typeof v === "number" && Number.isInteger(v);
    if (!ok) {
      const got = typeof v === "number" && type !== "string" ? "number " + String(v) : jsonKind(v);
      return `json: cannot unmarshal ${got} into Go struct field KubeletConfiguration.${field} of type ${type}`;
    }
  }
  return undefined;
}

type Loaded = LoadedConfig | { readonly error: string };

/**
 * Decoded files by path and text: a crash-looping kubelet's next start is weighed on every
 * pass of the controllers, and its file rarely changes between them.
 */
const decoded = new Map<string, Loaded>();
const DECODED_MAX = 16;

/** The file's configuration, or the text of the error the kubelet exits with. */
export function loadKubeletConfig(fs: Vfs, path: string): Loaded {
  const text = fs.read(path);
  if (typeof text !== "string") {
    const why = text.code === "EISDIR" ? `read ${path}: is a directory` : `open ${path}: no such file or directory`;
    return wrapped(path, `failed to read kubelet config file "${path}", error: ${why}`);
  }
  const key = `${path}\n${text}`;
  let result = decoded.get(key);
  if (!result) {
    result = decode(path, text);
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value ?? "");
    decoded.set(key, result);
  }
  return result;
}

function wrapped(path: string, inner: string): { readonly error: string } {
  return { error: `failed to load kubelet config file, path: ${path}, error: failed to load Kubelet config file ${path}, error ${inner}` };
}

function decode(path: string, text: string): Loaded {
  const wrap = (inner: string) => wrapped(path, inner);
  if (text.length === 0) return wrap(`kubelet config file "${path}" was empty`);
  const syntax = yamlError(text, path);
  if (syntax) return wrap(`failed to decode: ${syntax}`);
  const doc = parseDocument(text, { version: "1.1", uniqueKeys: false }).toJS() as unknown;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return wrap(`failed to decode: couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(doc)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  const config = doc as Record<string, unknown>;
  if (!config.kind) return wrap(`failed to decode: Object 'Kind' is missing in '${JSON.stringify(config)}'`);
  if (config.apiVersion !== API_VERSION || config.kind !== "KubeletConfiguration") {
    return wrap(`failed to decode: no kind "${String(config.kind)}" is registered for version "${String(config.apiVersion ?? "")}" in scheme "${SCHEME}"`);
  }
  const wrongType = typeError(config);
  if (wrongType) return wrap(`failed to decode: ${wrongType}`);
  return { config, unknown: Object.keys(config).filter((k) => !FIELDS.has(k)) };
}

const num = (config: Readonly<Record<string, unknown>>, field: string, fallback: number): number => (typeof config[field] === "number" ? (config[field] as number) : fallback);

const TOPOLOGY_POLICIES = ["none", "best-effort", "restricted", "single-numa-node"];

/** ValidateKubeletConfiguration's errors for the fields it checks by range, in its order. */
export function validateKubeletConfig(config: Readonly<Record<string, unknown>>): string[] {
  const errors: string[] = [];
  const healthzPort = num(config, "healthzPort", 10248);
  if (healthzPort !== 0 && (healthzPort < 1 || healthzPort > 65535)) errors.push(`invalid configuration: healthzPort (--healthz-port) ${healthzPort} must be between 1 and 65535, inclusive`);
  const high = num(config, "imageGCHighThresholdPercent", 85);
  const low = num(config, "imageGCLowThresholdPercent", 80);
  if (high < 0 || high > 100) errors.push(`invalid configuration: imageGCHighThresholdPercent (--image-gc-high-threshold) ${high} must be between 0 and 100, inclusive`);
  if (low < 0 || low > 100) errors.push(`invalid configuration: imageGCLowThresholdPercent (--image-gc-low-threshold) ${low} must be between 0 and 100, inclusive`);
  if (low >= high) errors.push(`invalid configuration: imageGCLowThresholdPercent (--image-gc-low-threshold) ${low} must be less than imageGCHighThresholdPercent (--image-gc-high-threshold) ${high}`);
  const maxPods = num(config, "maxPods", 110);
  if (maxPods < 0) errors.push(`invalid configuration: maxPods (--max-pods) ${maxPods} must not be a negative number`);
  const oom = num(config, "oomScoreAdj", -999);
  if (oom < -1000 || oom > 1000) errors.push(`invalid configuration: oomScoreAdj (--oom-score-adj) ${oom} must be between -1000 and 1000, inclusive`);
  const podsPerCore = num(config, "podsPerCore", 0);
  if (podsPerCore < 0) errors.push(`invalid configuration: podsPerCore (--pods-per-core) ${podsPerCore} must not be a negative number`);
  const port = num(config, "port", 10250);
  if (port < 1 || port > 65535) errors.push(`invalid configuration: port (--port) ${port} must be between 1 and 65535, inclusive`);
  const readOnlyPort = num(config, "readOnlyPort", 0);
  if (readOnlyPort !== 0 && (readOnlyPort < 1 || readOnlyPort > 65535)) errors.push(`invalid configuration: readOnlyPort (--read-only-port) ${readOnlyPort} must be between 0 and 65535, inclusive`);
  const policy = typeof config.topologyManagerPolicy === "string" ? config.topologyManagerPolicy : "none";
  if (!TOPOLOGY_POLICIES.includes(policy)) errors.push(`invalid configuration: topologyManagerPolicy (--topology-manager-policy) "${policy}" must be one of: ["none" "best-effort" "restricted" "single-numa-node"]`);
  return errors;
}

/** The RunE error for validation failures: one error as is, several as Go's aggregate `[a, b]`. */
export function validationError(errors: readonly string[]): string {
  const joined = errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
  return `failed to validate kubelet configuration, error: ${joined}, path: &TypeMeta{Kind:,APIVersion:,}`;
}
