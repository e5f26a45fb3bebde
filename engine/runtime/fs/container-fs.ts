/**
 * A container's view of files: the image's read-only layer under a writable layer of its
 * own (overlayfs, with whiteouts for what the container deleted), and volumes mounted
 * over both. Only the writable layer and the whiteouts belong to the container's state;
 * the image layer is shared by every container of that image and never written.
 */
import type { Vfs, VfsStat } from "../../shell/vfs";
import type { VfsErrorCode } from "../../shell/vfs-error";
import { dirname, isWithin, normalizePath } from "../../shell/vfs-path";

export interface FsError {
  readonly code: VfsErrorCode | "EROFS";
  readonly path: string;
  readonly message: string;
}

/** The file operations container processes use. Paths are absolute. */
export interface FileSystem {
  stat(path: string): VfsStat | undefined;
  read(path: string): string | FsError;
  write(path: string, content: string, append: boolean): FsError | undefined;
  mkdir(path: string, parents: boolean): FsError | undefined;
  remove(path: string, recursive: boolean): FsError | undefined;
  readdir(path: string): string[] | FsError;
  touch(path: string): FsError | undefined;
  chmod(path: string, mode: number): FsError | undefined;
}

export interface MountedVolume {
  readonly path: string;
  readonly vfs: Vfs;
  readonly readOnly: boolean;
  readonly subPath?: string;
}

const STRERROR: Record<FsError["code"], string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOSPC: "No space left on device",
  ENOTEMPTY: "Directory not empty",
  EINVAL: "Invalid argument",
  EACCES: "Permission denied",
  EROFS: "Read-only file system",
};

export function fsError(code: FsError["code"], path: string): FsError {
  return { code, path, message: STRERROR[code] };
}

export function isFsError(v: unknown): v is FsError {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v && "message" in v;
}

type Route = { kind: "mount"; vfs: Vfs; path: string; readOnly: boolean } | { kind: "root"; path: string };

export class ContainerFs implements FileSystem {
  private readonly mounts: MountedVolume[];

  constructor(
    private readonly lower: Vfs,
    private readonly upper: Vfs,
    private readonly whiteouts: Set<string>,
    mounts: readonly MountedVolume[],
  ) {
    this.mounts = [...mounts].map((m) => ({ ...m, path: normalizePath(m.path) })).sort((a, b) => b.path.length - a.path.length);
  }

  whiteoutList(): string[] {
    return [...this.whiteouts].sort();
  }

  stat(path: string): VfsStat | undefined {
    const r = this.route(path);
    if (r.kind === "mount") return r.vfs.stat(r.path);
    if (!this.visible(r.path)) return undefined;
    return this.upper.stat(r.path) ?? this.lower.stat(r.path);
  }

  read(path: string): string | FsError {
    const r = this.route(path);
    if (r.kind === "mount") return r.vfs.read(r.path);
    const st = this.stat(r.path);
    if (!st) return fsError("ENOENT", path);
    if (st.type === "dir") return fsError("EISDIR", path);
    return this.upper.readFile(r.path) ?? this.lower.readFile(r.path) ?? fsError("ENOENT", path);
  }

  write(path: string, content: string, append: boolean): FsError | undefined {
    const r = this.route(path);
    if (r.kind === "mount") {
      if (r.readOnly) return fsError("EROFS", path);
      return withPath(append ? r.vfs.appendFile(r.path, content) : r.vfs.writeFile(r.path, content), path);
    }
    const p = r.path;
    const parent = this.stat(dirname(p));
    if (!parent) return fsError("ENOENT", path);
    if (parent.type !== "dir") return fsError("ENOTDIR", path);
    const existing = this.stat(p);
    if (existing?.type === "dir") return fsError("EISDIR", path);
    this.copyUpDir(dirname(p));
    let text = content;
    if (append && existing && this.upper.stat(p) === undefined) text = (this.lower.readFile(p) ?? "") + content;
    this.whiteouts.delete(p);
    return withPath(append && this.upper.stat(p) ? this.upper.appendFile(p, text) : this.upper.writeFile(p, text), path);
  }

  mkdir(path: string, parents: boolean): FsError | undefined {
    const r = this.route(path);
    if (r.kind === "mount") return r.readOnly ? fsError("EROFS", path) : withPath(r.vfs.mkdir(r.path, { parents }), path);
    const p = r.path;
    const existing = this.stat(p);
    if (existing) return parents && existing.type === "dir" ? undefined : fsError("EEXIST", path);
    const parent = this.stat(dirname(p));
    if (!parent) {
      if (!parents) return fsError("ENOENT", path);
      const err = this.mkdir(dirname(p), true);
      if (err) return { ...err, path };
    } else if (parent.type !== "dir") return fsError("ENOTDIR", path);
    this.copyUpDir(dirname(p));
    this.unhide(p);
    return withPath(this.upper.mkdir(p), path);
  }

  remove(path: string, recursive: boolean): FsError | undefined {
    const r = this.route(path);
    if (r.kind === "mount") return r.readOnly ? fsError("EROFS", path) : withPath(r.vfs.remove(r.path, { recursive }), path);
    const p = r.path;
    const st = this.stat(p);
    if (!st) return fsError("ENOENT", path);
    if (st.type === "dir" && !recursive) return fsError("EISDIR", path);
    if (p === "/") return fsError("EINVAL", path);
    if (this.upper.stat(p)) this.upper.remove(p, { recursive: true });
    if (this.lower.stat(p)) {
      for (const w of [...this.whiteouts]) if (isWithin(w, p)) this.whiteouts.delete(w);
      this.whiteouts.add(p);
    }
    return undefined;
  }

  readdir(path: string): string[] | FsError {
    const r = this.route(path);
    const names = new Set<string>();
    if (r.kind === "mount") {
      const list = r.vfs.readdir(r.path);
      if (!Array.isArray(list)) return withPath(list, path) ?? fsError("ENOENT", path);
      list.forEach((n) => names.add(n));
    } else {
      const st = this.stat(r.path);
      if (!st) return fsError("ENOENT", path);
      if (st.type !== "dir") return fsError("ENOTDIR", path);
      for (const layer of [this.upper, this.lower]) {
        const list = layer.readdir(r.path);
        if (Array.isArray(list)) for (const n of list) if (this.visible(join(r.path, n))) names.add(n);
      }
    }
    const dir = normalizePath(path);
    for (const m of this.mounts) if (m.path !== "/" && dirname(m.path) === dir) names.add(m.path.slice(m.path.lastIndexOf("/") + 1));
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  touch(path: string): FsError | undefined {
    const r = this.route(path);
    if (r.kind === "mount") return r.readOnly ? fsError("EROFS", path) : withPath(r.vfs.touch(r.path), path);
    const st = this.stat(r.path);
    if (!st) return this.write(path, "", true);
    if (this.upper.stat(r.path) === undefined) {
      if (st.type === "dir") this.copyUpDir(r.path);
      else {
        const err = this.write(path, "", true);
        if (err) return err;
      }
    }
    return withPath(this.upper.touch(r.path), path);
  }

  chmod(path: string, mode: number): FsError | undefined {
    const r = this.route(path);
    if (r.kind === "mount") return r.readOnly ? fsError("EROFS", path) : withPath(r.vfs.chmod(r.path, mode), path);
    const st = this.stat(r.path);
    if (!st) return fsError("ENOENT", path);
    if (this.upper.stat(r.path) === undefined) {
      if (st.type === "dir") this.copyUpDir(r.path);
      else {
        const err = this.write(path, "", true);
        if (err) return err;
      }
    }
    return withPath(this.upper.chmod(r.path, mode), path);
  }

  private route(path: string): Route {
    const p = normalizePath(path);
    for (const m of this.mounts) {
      if (!isWithin(p, m.path)) continue;
      const rest = p.slice(m.path === "/" ? 0 : m.path.length);
      const base = m.subPath ? normalizePath(`/${m.subPath}`) : "/";
      return { kind: "mount", vfs: m.vfs, path: normalizePath(`${base}/${rest}`), readOnly: m.readOnly };
    }
    return { kind: "root", path: p };
  }

  private visible(p: string): boolean {
    for (const w of this.whiteouts) if (isWithin(p, w)) return false;
    return true;
  }

  /** A directory recreated where the image had one starts empty: its image entries stay hidden. */
  private unhide(p: string): void {
    if (!this.whiteouts.delete(p)) return;
    const list = this.lower.readdir(p);
    if (Array.isArray(list)) for (const n of list) this.whiteouts.add(join(p, n));
  }

  /** Copies a directory chain of the image layer into the writable layer before writing below it. */
  private copyUpDir(dir: string): void {
    if (this.upper.stat(dir)) return;
    if (dir !== "/") this.copyUpDir(dirname(dir));
    const mode = this.lower.stat(dir)?.mode ?? 0o755;
    this.upper.mkdir(dir, { mode });
  }
}

function join(dir: string, name: string): string {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}

function withPath(err: { code: VfsErrorCode; path: string; message: string } | undefined, path: string): FsError | undefined {
  return err ? { ...err, path } : undefined;
}
