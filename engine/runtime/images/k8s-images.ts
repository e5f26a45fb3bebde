/**
 * Images from registry.k8s.io that the Kubernetes documentation uses in its examples:
 * the pause container, the liveness demo server, agnhost, goproxy (TCP probes) and etcd
 * (gRPC probes). They are built from scratch or distroless bases: no shell inside.
 */
import { DEFAULT_PATH, sizeFor, type BaseOs, type ImageSpec, type ImageVariant } from "../image-spec";

function fixed(versions: Record<string, number>): (tag: string) => ImageVariant | undefined {
  return (tag) => (tag in versions ? { version: tag, alpine: false, sizeBytes: sizeFor(versions[tag], tag) } : undefined);
}

const SCRATCH: Pick<ImageSpec, "toolbox" | "workingDir" | "base"> = { toolbox: "none", workingDir: "/", base: (): BaseOs => ({ os: "scratch" }) };

export const PAUSE: ImageSpec = {
  ...SCRATCH,
  name: "pause",
  repositories: ["registry.k8s.io/pause", "k8s.gcr.io/pause"],
  variant: fixed({ "3.1": 317_000, "3.2": 299_000, "3.5": 301_000, "3.6": 302_000, "3.7": 311_000, "3.8": 311_000, "3.9": 321_000, "3.10": 320_000, "3.10.1": 320_000, latest: 320_000 }),
  entrypoint: ["/pause"],
  cmd: [],
  env: () => ({ PATH: DEFAULT_PATH }),
  programs: { "/pause": "pause" },
};

export const LIVENESS: ImageSpec = {
  ...SCRATCH,
  name: "liveness",
  repositories: ["registry.k8s.io/liveness", "k8s.gcr.io/liveness", "gcr.io/google_containers/liveness"],
  variant: fixed({ latest: 2_600_000 }),
  entrypoint: [],
  cmd: [],
  env: () => ({ PATH: DEFAULT_PATH }),
  programs: { "/server": "liveness" },
};

const AGNHOST_VERSIONS: Record<string, number> = {};
for (let minor = 10; minor <= 56; minor++) AGNHOST_VERSIONS[`2.${minor}`] = 51_000_000;

export const AGNHOST: ImageSpec = {
  name: "agnhost",
  repositories: ["registry.k8s.io/e2e-test-images/agnhost", "k8s.gcr.io/e2e-test-images/agnhost"],
  variant: fixed(AGNHOST_VERSIONS),
  entrypoint: ["/agnhost"],
  cmd: ["pause"],
  workingDir: "/",
  env: () => ({ PATH: DEFAULT_PATH }),
  toolbox: "busybox",
  programs: { "/agnhost": "agnhost" },
  base: () => ({ os: "alpine", version: "3.21.0" }),
};

export const GOPROXY: ImageSpec = {
  ...SCRATCH,
  name: "goproxy",
  repositories: ["registry.k8s.io/goproxy", "k8s.gcr.io/goproxy"],
  variant: fixed({ "0.1": 1_700_000 }),
  entrypoint: ["/goproxy"],
  cmd: [],
  env: () => ({ PATH: DEFAULT_PATH }),
  programs: { "/goproxy": "goproxy" },
};

export const ETCD: ImageSpec = {
  ...SCRATCH,
  name: "etcd",
  repositories: ["registry.k8s.io/etcd", "k8s.gcr.io/etcd"],
  variant: (tag) => (/^3\.(4\.\d{1,2}|5\.\d{1,2}|6\.\d{1,2})-0$/.test(tag) ? { version: tag.slice(0, -2), alpine: false, sizeBytes: sizeFor(57_700_000, tag) } : undefined),
  entrypoint: [],
  cmd: ["/usr/local/bin/etcd"],
  env: () => ({ PATH: DEFAULT_PATH }),
  programs: { "/usr/local/bin/etcd": "etcd", "/usr/local/bin/etcdctl": "etcdctl" },
};
