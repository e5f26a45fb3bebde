/** The cluster's own components: control-plane static pods, kube-proxy and CoreDNS (distroless, no shell). */
import { DEFAULT_PATH, sizeFor, type ImageSpec } from "../image-spec";

const COMPONENT_SIZES: Record<string, number> = { "kube-apiserver": 29_000_000, "kube-controller-manager": 26_500_000, "kube-scheduler": 20_600_000, "kube-proxy": 30_800_000 };

function component(name: string): ImageSpec {
  return {
    name,
    repositories: [`registry.k8s.io/${name}`, `k8s.gcr.io/${name}`],
    variant: (tag) => (/^v1\.(2\d|3[0-5])\.\d{1,2}$/.test(tag) ? { version: tag.slice(1), alpine: false, sizeBytes: sizeFor(COMPONENT_SIZES[name], tag) } : undefined),
    entrypoint: [],
    cmd: [`/usr/local/bin/${name}`],
    workingDir: "/",
    env: () => ({ PATH: DEFAULT_PATH }),
    toolbox: "none",
    programs: { [`/usr/local/bin/${name}`]: "k8s-component" },
    base: () => ({ os: "scratch" }),
  };
}

export const KUBE_APISERVER = component("kube-apiserver");
export const KUBE_CONTROLLER_MANAGER = component("kube-controller-manager");
export const KUBE_SCHEDULER = component("kube-scheduler");
export const KUBE_PROXY: ImageSpec = { ...component("kube-proxy"), toolbox: "busybox", base: () => ({ os: "debian", release: 12 }) };

export const COREDNS: ImageSpec = {
  name: "coredns",
  repositories: ["registry.k8s.io/coredns/coredns", "docker.io/coredns/coredns"],
  variant: (tag) => (/^v?1\.(9|1[0-2])\.\d$/.test(tag) ? { version: tag.replace(/^v/, ""), alpine: false, sizeBytes: sizeFor(22_300_000, tag) } : undefined),
  entrypoint: ["/coredns"],
  cmd: [],
  workingDir: "/",
  env: () => ({ PATH: DEFAULT_PATH }),
  toolbox: "none",
  programs: { "/coredns": "k8s-component" },
  base: () => ({ os: "scratch" }),
};
