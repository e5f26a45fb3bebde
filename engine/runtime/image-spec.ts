/**
 * What the catalog knows about an image family: which tags the registry has, what the
 * image runs by default, which executables and files it carries. Plain data plus a tag
 * function, so adding an image is adding an entry.
 */

/** The PATH most images set. */
export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** The utilities an image's file system carries: BusyBox applets, GNU coreutils, or nothing (scratch). */
export type Toolbox = "busybox" | "gnu" | "none";

export interface ImageVariant {
  /** the software version the tag runs, e.g. "1.27.5" */
  readonly version: string;
  /** the alpine-based build of an image that is otherwise Debian-based */
  readonly alpine: boolean;
  /** compressed size, as `Image size: N bytes` reports it */
  readonly sizeBytes: number;
}

export interface ImageSpec {
  /** family name, for tests and messages */
  readonly name: string;
  /** normalized repositories (`docker.io/library/nginx`) */
  readonly repositories: readonly string[];
  /** the variant a tag names, or undefined when the registry has no such tag */
  variant(tag: string): ImageVariant | undefined;
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly workingDir: string;
  /** the image's ENV, which the container starts with under the pod's env */
  env(variant: ImageVariant): Readonly<Record<string, string>>;
  readonly toolbox: Toolbox;
  /** executables beyond the toolbox, by name (`curl`, `redis-cli`) */
  readonly tools?: readonly string[];
  /** image programs by absolute path → program id in programs/registry.ts */
  readonly programs?: Readonly<Record<string, string>>;
  readonly bash?: boolean;
  /** files the image carries, beyond the base OS files */
  files?(variant: ImageVariant): Readonly<Record<string, string>>;
  /** the Debian release or Alpine version of the base, for /etc/os-release */
  base?(variant: ImageVariant): BaseOs;
}

export type BaseOs =
  | { readonly os: "debian"; readonly release: 9 | 10 | 11 | 12 | 13 }
  | { readonly os: "alpine"; readonly version: string }
  | { readonly os: "ubuntu"; readonly version: string }
  | { readonly os: "oracle"; readonly version: string }
  | { readonly os: "busybox" }
  | { readonly os: "scratch" };

/** A tag table: exact tags, or `major.minor` lines whose patches run up to a known latest. */
export interface TagTable {
  /** named tags → version (`latest` → "1.29.3") */
  readonly named: Readonly<Record<string, string>>;
  /** release line (`1.27`) → latest patch (5); any patch up to it exists; -1: the line is the whole version (`3.10`) */
  readonly lines: Readonly<Record<string, number>>;
  /** suffixes the registry also publishes (`-alpine`); the alpine ones set `alpine` */
  readonly suffixes?: readonly string[];
}

/** Resolves a tag against a TagTable: `1.27.5`, `1.27`, `1.27-alpine`, `stable`, `alpine`... */
export function tagVersion(table: TagTable, tag: string): { version: string; alpine: boolean } | undefined {
  let base = tag;
  let alpine = false;
  for (const suffix of table.suffixes ?? []) {
    if (tag.endsWith(suffix)) {
      base = tag.slice(0, -suffix.length);
      alpine = suffix.includes("alpine");
      break;
    }
  }
  if (base in table.named) return { version: table.named[base], alpine: alpine || base === "alpine" };
  if (!/^\d+(\.\d+)*$/.test(base)) return undefined;
  const line = table.lines[base];
  if (line !== undefined) return { version: line < 0 ? base : `${base}.${line}`, alpine };
  const dot = base.lastIndexOf(".");
  const latest = dot < 0 ? undefined : table.lines[base.slice(0, dot)];
  if (latest === undefined || latest < 0) return undefined;
  return Number(base.slice(dot + 1)) <= latest ? { version: base, alpine } : undefined;
}

/** Compares dotted versions numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** A deterministic size that differs a little per version, so two tags never report the same bytes. */
export function sizeFor(base: number, version: string): number {
  let h = 0;
  for (const c of version) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return base + (h % 400_000);
}
