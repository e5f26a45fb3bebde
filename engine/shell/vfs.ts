import { vfsError, type VfsError } from "./vfs-error";
import { dirname, isWithin, normalizePath, resolvePath, utf8Length } from "./vfs-path";

/** One file or directory; `mode` holds the permission bits only (e.g. 0o644). */
export type VfsEntry =
  | { type: "file"; mode: number; mtime: number; content: string }
  | { type: "dir"; mode: number; mtime: number };

/** A host's whole file system as plain JSON: absolute path → entry. "/" is always present. */
export interface VfsState {
  entries: Record<string, VfsEntry>;
}

export interface VfsStat {
  type: "file" | "dir";
  size: number;
  mode: number;
  mtime: number;
}

/** Total bytes of file content one host may hold before writes fail with ENOSPC. */
export const VFS_CAPACITY = 8 * 1024 * 1024;

const DIR_SIZE = 4096;
const DEV_NULL = "/dev/null";

/**
 * A per-host virtual file system. Paths given to every method except `resolve` are absolute
 * (a relative one is taken from "/"). Failures come back as VfsError values, never thrown.
 */
export class Vfs {
  private changes = 0;
  private lastView?: { readonly changes: number; readonly state: VfsState };
  private readonly entries: Map<string, VfsEntry>;
  private used = 0;

  constructor(
    state: VfsState,
    private readonly now: () => number = () => 0,
    private readonly capacity = VFS_CAPACITY,
  ) {
    this.entries = new Map(Object.entries(state.entries).map(([p, e]) => [p, { ...e }]));
    if (!this.entries.has("/")) this.entries.set("/", { type: "dir", mode: 0o755, mtime: 0 });
    for (const e of this.entries.values()) if (e.type === "file") this.used += utf8Length(e.content);
  }

  /** Mutations since this value was built; lets the cluster notice a file written on a node. */
  get changeCount(): number {
    return this.changes;
  }

  /**
   * A copy of the file system. With `view`, the same value as the last view while nothing
   * changed, so whoever serialises it may keep the text it made of it.
   */
  toState(view = false): VfsState {
    if (view && this.lastView?.changes === this.changes) return this.lastView.state;
    const entries: Record<string, VfsEntry> = {};
    for (const [p, e] of this.entries) entries[p] = { ...e };
    const state = { entries };
    if (view) this.lastView = { changes: this.changes, state };
    return state;
  }

  /** Bytes of file content stored now. */
  usedBytes(): number {
    return this.used;
  }

  resolve(cwd: string, path: string, home = "/root"): string {
    return resolvePath(cwd, path, home);
  }

  exists(path: string): boolean {
    return this.stat(path) !== undefined;
  }

  stat(path: string): VfsStat | undefined {
    const p = normalizePath(path);
    if (p === DEV_NULL) return { type: "file", size: 0, mode: 0o666, mtime: 0 };
    const e = this.entries.get(p);
    if (!e) return undefined;
    const size = e.type === "file" ? utf8Length(e.content) : DIR_SIZE;
    return { type: e.type, size, mode: e.mode, mtime: e.mtime };
  }

  readFile(path: string): string | undefined {
    const r = this.read(path);
    return typeof r === "string" ? r : undefined;
  }

  /** Like readFile, but says why a read failed. */
  read(path: string): string | VfsError {
    const p = normalizePath(path);
    if (p === DEV_NULL) return "";
    const e = this.entries.get(p);
    if (e?.type === "file") return e.content;
    if (e?.type === "dir") return vfsError("EISDIR", path);
    return this.missing(path, p);
  }

  writeFile(path: string, content: string): VfsError | undefined {
    this.changes++;
    return this.put(path, content, false);
  }

  appendFile(path: string, content: string): VfsError | undefined {
    this.changes++;
    return this.put(path, content, true);
  }

  /** Names (not paths) in a directory, sorted by byte order. */
  readdir(path: string): string[] | VfsError {
    const p = normalizePath(path);
    const e = this.entries.get(p);
    if (!e) return this.missing(path, p);
    if (e.type !== "dir") return vfsError("ENOTDIR", path);
    const prefix = p === "/" ? "/" : p + "/";
    const names: string[] = [];
    for (const key of this.entries.keys()) {
      if (key !== p && key.startsWith(prefix) && !key.slice(prefix.length).includes("/")) names.push(key.slice(prefix.length));
    }
    return names.sort(byteOrder);
  }

  mkdir(path: string, opts: { parents?: boolean; mode?: number } = {}): VfsError | undefined {
    this.changes++;
    const p = normalizePath(path);
    const existing = this.entries.get(p);
    if (existing) return opts.parents && existing.type === "dir" ? undefined : vfsError("EEXIST", path);
    const parent = this.entries.get(dirname(p));
    if (!parent) {
      if (!opts.parents) return this.missing(path, dirname(p));
      const err = this.mkdir(dirname(p), { parents: true });
      if (err) return { ...err, path };
    } else if (parent.type !== "dir") return vfsError("ENOTDIR", path);
    this.entries.set(p, { type: "dir", mode: opts.mode ?? 0o755, mtime: this.now() });
    this.touchParent(p);
    return undefined;
  }

  remove(path: string, opts: { recursive?: boolean } = {}): VfsError | undefined {
    this.changes++;
    const p = normalizePath(path);
    if (p === DEV_NULL) return undefined;
    const e = this.entries.get(p);
    if (!e) return this.missing(path, p);
    if (e.type === "dir") {
      if (!opts.recursive) return vfsError("EISDIR", path);
      if (p === "/") return vfsError("EINVAL", path);
      for (const key of [...this.entries.keys()]) if (isWithin(key, p)) this.drop(key);
    } else this.drop(p);
    this.touchParent(p);
    return undefined;
  }

  /** Copies `src` to exactly `dst` (the caller decides "into a directory" semantics). */
  copy(src: string, dst: string, opts: { recursive?: boolean } = {}): VfsError | undefined {
    this.changes++;
    const s = normalizePath(src);
    const d = normalizePath(dst);
    const e = this.entries.get(s);
    if (!e) return this.missing(src, s);
    if (e.type === "file") return this.writeFile(d, e.content);
    if (!opts.recursive) return vfsError("EISDIR", src);
    if (isWithin(d, s)) return vfsError("EINVAL", dst);
    const target = this.entries.get(d);
    if (target && target.type !== "dir") return vfsError("ENOTDIR", dst);
    const sources = [...this.entries.entries()].filter(([k]) => isWithin(k, s));
    const bytes = sources.reduce((n, [, v]) => n + (v.type === "file" ? utf8Length(v.content) : 0), 0);
    if (this.used + bytes > this.capacity) return vfsError("ENOSPC", dst);
    if (!target) {
      const err = this.mkdir(d, { mode: e.mode });
      if (err) return err;
    }
    for (const [k, v] of sources) {
      if (k === s) continue;
      const to = d + k.slice(s.length);
      const existing = this.entries.get(to);
      if (v.type === "dir") {
        if (!existing) this.entries.set(to, { type: "dir", mode: v.mode, mtime: this.now() });
      } else {
        const err = this.writeFile(to, v.content);
        if (err) return err;
      }
    }
    return undefined;
  }

  /** Renames `src` to exactly `dst`, replacing a file there. */
  move(src: string, dst: string): VfsError | undefined {
    this.changes++;
    const s = normalizePath(src);
    const d = normalizePath(dst);
    const e = this.entries.get(s);
    if (!e) return this.missing(src, s);
    if (s === d) return undefined;
    if (isWithin(d, s)) return vfsError("EINVAL", dst);
    const parent = this.entries.get(dirname(d));
    if (!parent) return this.missing(dst, dirname(d));
    if (parent.type !== "dir") return vfsError("ENOTDIR", dst);
    const target = this.entries.get(d);
    if (target?.type === "dir") {
      if (e.type !== "dir") return vfsError("EISDIR", dst);
      if (this.hasChildren(d)) return vfsError("ENOTEMPTY", dst);
    } else if (target && e.type === "dir") return vfsError("ENOTDIR", dst);
    if (target) this.drop(d);
    for (const [k, v] of [...this.entries.entries()]) {
      if (!isWithin(k, s)) continue;
      this.entries.delete(k);
      this.entries.set(d + k.slice(s.length), v);
    }
    this.touchParent(s);
    this.touchParent(d);
    return undefined;
  }

  chmod(path: string, mode: number): VfsError | undefined {
    this.changes++;
    const p = normalizePath(path);
    const e = this.entries.get(p);
    if (!e) return this.missing(path, p);
    e.mode = mode & 0o7777;
    return undefined;
  }

  /** Sets the mtime of an existing entry, or creates an empty file. */
  touch(path: string, mtime = this.now()): VfsError | undefined {
    this.changes++;
    const p = normalizePath(path);
    if (p === DEV_NULL) return undefined;
    const e = this.entries.get(p);
    if (e) {
      e.mtime = mtime;
      return undefined;
    }
    const err = this.writeFile(p, "");
    if (err) return { ...err, path };
    const created = this.entries.get(p);
    if (created) created.mtime = mtime;
    return undefined;
  }

  private put(path: string, content: string, append: boolean): VfsError | undefined {
    const p = normalizePath(path);
    if (p === DEV_NULL) return undefined;
    const e = this.entries.get(p);
    if (e?.type === "dir") return vfsError("EISDIR", path);
    const parent = this.entries.get(dirname(p));
    if (!parent) return this.missing(path, dirname(p));
    if (parent.type !== "dir") return vfsError("ENOTDIR", path);
    const old = e?.type === "file" ? e.content : "";
    const next = append ? old + content : content;
    // An append adds only its own bytes; measuring the whole file each time made a log grow in quadratic time.
    const delta = append ? utf8Length(content) : utf8Length(next) - utf8Length(old);
    if (delta > 0 && this.used + delta > this.capacity) return vfsError("ENOSPC", path);
    this.used += delta;
    if (e?.type === "file") {
      e.content = next;
      e.mtime = this.now();
    } else {
      this.entries.set(p, { type: "file", mode: 0o644, mtime: this.now(), content: next });
      this.touchParent(p);
    }
    return undefined;
  }

  /** ENOENT, or ENOTDIR when some ancestor of `abs` is a file. */
  private missing(path: string, abs: string): VfsError {
    for (let d = dirname(abs); d !== "/"; d = dirname(d)) {
      const e = this.entries.get(d);
      if (e?.type === "file") return vfsError("ENOTDIR", path);
      if (e) break;
    }
    return vfsError("ENOENT", path);
  }

  private hasChildren(dir: string): boolean {
    const prefix = dir === "/" ? "/" : dir + "/";
    for (const key of this.entries.keys()) if (key !== dir && key.startsWith(prefix)) return true;
    return false;
  }

  private drop(p: string): void {
    const e = this.entries.get(p);
    if (e?.type === "file") this.used -= utf8Length(e.content);
    this.entries.delete(p);
  }

  private touchParent(p: string): void {
    const parent = this.entries.get(dirname(p));
    if (parent && p !== "/") parent.mtime = this.now();
  }
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

alias k=kubectl
alias kn='kubectl config set-context --current --namespace'
complete -o default -F __start_kubectl k

export do="--dry-run=client -o yaml"
export now="--force --grace-period 0"
`;

const DIRS: ReadonlyArray<readonly [string, number]> = [
  ["/root", 0o700],
  ["/tmp", 0o1777],
  ["/etc", 0o755],
  ["/etc/kubernetes", 0o755],
  ["/etc/kubernetes/manifests", 0o755],
  ["/var", 0o755],
  ["/var/log", 0o755],
  ["/opt", 0o755],
  ["/home", 0o755],
  ["/dev", 0o755],
  ["/usr", 0o755],
  ["/usr/bin", 0o755],
];

/** The default tree of a freshly booted host: root's home with a CKA-style .bashrc, /tmp, kubelet folders. */
export function newHostFs(host: string, now: number): VfsState {
  const entries: Record<string, VfsEntry> = { "/": { type: "dir", mode: 0o755, mtime: now } };
  for (const [path, mode] of DIRS) entries[path] = { type: "dir", mode, mtime: now };
  const file = (content: string): VfsEntry => ({ type: "file", mode: 0o644, mtime: now, content });
  entries["/etc/hostname"] = file(`${host}\n`);
  entries["/etc/hosts"] = file(`127.0.0.1 localhost\n127.0.1.1 ${host}\n`);
  entries["/root/.bashrc"] = file(BASHRC);
  return { entries };
}
