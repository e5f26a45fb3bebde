/**
 * Base and language images: BusyBox, Alpine, Ubuntu, Debian, and the allow-listed
 * language images. They run what the pod's command says; with no command they run their
 * default CMD, which for all of them is a shell or REPL that exits at once without a TTY.
 */
import { DEFAULT_PATH, sizeFor, tagVersion, type ImageSpec, type ImageVariant, type TagTable } from "../image-spec";

const BUSYBOX_TAGS: TagTable = {
  named: { latest: "1.37.0", stable: "1.37.0", musl: "1.37.0", glibc: "1.37.0", uclibc: "1.37.0" },
  lines: {
    "1.21": 1, "1.22": 1, "1.23": 2, "1.24": 2, "1.25": 1, "1.26": 2, "1.27": 2, "1.28": 4, "1.29": 3,
    "1.30": 1, "1.31": 1, "1.32": 1, "1.33": 1, "1.34": 1, "1.35": 0, "1.36": 1, "1.37": 0,
  },
  suffixes: ["-musl", "-glibc", "-uclibc"],
};

function variant(table: TagTable, base: number, alpine = false): (tag: string) => ImageVariant | undefined {
  return (tag) => {
    const t = tagVersion(table, tag);
    return t ? { version: t.version, alpine: alpine || t.alpine, sizeBytes: sizeFor(base, tag) } : undefined;
  };
}

const ROOT_ENV = { PATH: DEFAULT_PATH };

export const BUSYBOX: ImageSpec = {
  name: "busybox",
  repositories: ["docker.io/library/busybox"],
  variant: variant(BUSYBOX_TAGS, 2_150_000),
  entrypoint: [],
  cmd: ["sh"],
  workingDir: "/",
  env: () => ({ PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }),
  toolbox: "busybox",
  base: () => ({ os: "busybox" }),
};

/** The BusyBox copies the Kubernetes docs and e2e tests use (`registry.k8s.io/busybox`). */
export const K8S_BUSYBOX: ImageSpec = {
  ...BUSYBOX,
  name: "k8s-busybox",
  repositories: ["registry.k8s.io/busybox", "k8s.gcr.io/busybox", "gcr.io/google-containers/busybox", "gcr.io/google_containers/busybox"],
  variant: (tag) => (["latest", "1.24", "1.27", "1.27.2"].includes(tag) ? { version: tag === "latest" || tag === "1.24" ? "1.24.0" : "1.27.2", alpine: false, sizeBytes: sizeFor(700_000, tag) } : undefined),
};

export const E2E_BUSYBOX: ImageSpec = {
  ...BUSYBOX,
  name: "e2e-busybox",
  repositories: ["registry.k8s.io/e2e-test-images/busybox"],
  variant: (tag) => {
    const m = /^(1\.(?:29|36|37)(?:\.\d)?)-[1-4]$/.exec(tag);
    return m ? { version: m[1], alpine: false, sizeBytes: sizeFor(750_000, tag) } : undefined;
  },
};

const ALPINE_TAGS: TagTable = {
  named: { latest: "3.22.2", edge: "3.23.0" },
  lines: {
    "3.10": 9, "3.11": 13, "3.12": 12, "3.13": 12, "3.14": 10, "3.15": 11, "3.16": 9, "3.17": 10, "3.18": 12, "3.19": 8,
    "3.20": 7, "3.21": 4, "3.22": 2, "3": -1,
  },
};

export const ALPINE: ImageSpec = {
  name: "alpine",
  repositories: ["docker.io/library/alpine"],
  variant: (tag) => {
    const t = tagVersion(ALPINE_TAGS, tag);
    if (!t) return undefined;
    return { version: t.version === "3" ? "3.22.2" : t.version, alpine: true, sizeBytes: sizeFor(3_600_000, tag) };
  },
  entrypoint: [],
  cmd: ["/bin/sh"],
  workingDir: "/",
  env: () => ROOT_ENV,
  toolbox: "busybox",
  base: (v) => ({ os: "alpine", version: v.version.split(".").length === 2 ? `${v.version}.0` : v.version }),
};

const UBUNTU_RELEASES: Record<string, string> = { latest: "24.04", rolling: "25.04", noble: "24.04", jammy: "22.04", focal: "20.04", "24.04": "24.04", "22.04": "22.04", "20.04": "20.04", "25.04": "25.04", "18.04": "18.04", bionic: "18.04" };

export const UBUNTU: ImageSpec = {
  name: "ubuntu",
  repositories: ["docker.io/library/ubuntu"],
  variant: (tag) => (tag in UBUNTU_RELEASES ? { version: UBUNTU_RELEASES[tag], alpine: false, sizeBytes: sizeFor(29_700_000, tag) } : undefined),
  entrypoint: [],
  cmd: ["/bin/bash"],
  workingDir: "/",
  env: () => ROOT_ENV,
  toolbox: "gnu",
  tools: ["ps"],
  bash: true,
  base: (v) => ({ os: "ubuntu", version: v.version }),
};

const DEBIAN_RELEASES: Record<string, number> = { latest: 12, stable: 12, bookworm: 12, bullseye: 11, buster: 10, trixie: 13, "13": 13, "12": 12, "11": 11, "10": 10 };

export const DEBIAN: ImageSpec = {
  name: "debian",
  repositories: ["docker.io/library/debian"],
  variant: (tag) => {
    const release = DEBIAN_RELEASES[tag.replace(/-slim$/, "")];
    return release ? { version: String(release), alpine: false, sizeBytes: sizeFor(tag.endsWith("-slim") ? 28_200_000 : 48_500_000, tag) } : undefined;
  },
  entrypoint: [],
  cmd: ["bash"],
  workingDir: "/",
  env: () => ROOT_ENV,
  toolbox: "gnu",
  bash: true,
  base: (v) => ({ os: "debian", release: Number(v.version) as 10 | 11 | 12 | 13 }),
};

/** A language image: `python:3.12`, `node:22-alpine`, `golang:1.23`; the slim/alpine builds lack curl and wget. */
function languageImage(name: string, cmd: readonly string[], programs: readonly string[], lines: Record<string, number>, latest: string, size: number): ImageSpec {
  const table: TagTable = { named: { latest, alpine: latest, slim: latest, lts: latest }, lines, suffixes: ["-alpine", "-slim", "-bookworm", "-slim-bookworm", "-bullseye"] };
  return {
    name,
    repositories: [`docker.io/library/${name}`],
    variant: (tag) => {
      const t = tagVersion(table, tag.replace(/-alpine3\.\d+$/, "-alpine"));
      return t ? { version: t.version, alpine: t.alpine, sizeBytes: sizeFor(t.alpine ? size / 6 : size, tag) } : undefined;
    },
    entrypoint: [],
    cmd,
    workingDir: "/",
    env: () => ROOT_ENV,
    toolbox: "gnu",
    tools: ["curl", "wget"],
    bash: true,
    programs: Object.fromEntries(programs.map((p) => [`/usr/local/bin/${p}`, "interpreter"])),
    base: (v) => (v.alpine ? { os: "alpine", version: "3.22.2" } : { os: "debian", release: 12 }),
  };
}

export const PYTHON = languageImage("python", ["python3"], ["python", "python3"], { "3.8": 20, "3.9": 23, "3.10": 18, "3.11": 13, "3.12": 11, "3.13": 7, "3": -1 }, "3.13.7", 400_000_000);
export const NODE = languageImage("node", ["node"], ["node"], { "18": -1, "20": -1, "22": -1, "24": -1, "18.20": 8, "20.19": 5, "22.19": 0, "24.8": 0 }, "24.8.0", 390_000_000);
export const GOLANG = languageImage("golang", ["bash"], ["go"], { "1.21": 13, "1.22": 12, "1.23": 12, "1.24": 7, "1.25": 1 }, "1.25.1", 300_000_000);

export const CURL: ImageSpec = {
  name: "curl",
  repositories: ["docker.io/curlimages/curl"],
  variant: (tag) => (/^(latest|8\.\d{1,2}\.\d)$/.test(tag) ? { version: tag === "latest" ? "8.16.0" : tag, alpine: true, sizeBytes: sizeFor(9_800_000, tag) } : undefined),
  entrypoint: ["/entrypoint.sh"],
  cmd: ["curl"],
  workingDir: "/home/curl_user",
  env: () => ROOT_ENV,
  toolbox: "busybox",
  tools: ["curl"],
  programs: { "/entrypoint.sh": "exec-args" },
  base: () => ({ os: "alpine", version: "3.22.2" }),
};

export const BUSYBOXPLUS: ImageSpec = {
  ...BUSYBOX,
  name: "busyboxplus",
  repositories: ["docker.io/radial/busyboxplus"],
  variant: (tag) => (["latest", "curl", "git", "base"].includes(tag) ? { version: "1.21.1", alpine: false, sizeBytes: sizeFor(4_200_000, tag) } : undefined),
  cmd: ["/bin/sh"],
  tools: ["curl"],
};

export const BASH: ImageSpec = {
  name: "bash",
  repositories: ["docker.io/library/bash"],
  variant: (tag) => (/^(latest|[45](\.\d)?(\.\d+)?)$/.test(tag) ? { version: tag === "latest" ? "5.3" : tag, alpine: true, sizeBytes: sizeFor(6_100_000, tag) } : undefined),
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["bash"],
  workingDir: "/",
  env: () => ROOT_ENV,
  toolbox: "busybox",
  bash: true,
  programs: { "/usr/local/bin/docker-entrypoint.sh": "exec-args" },
  base: () => ({ os: "alpine", version: "3.22.2" }),
};
