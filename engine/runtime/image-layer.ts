/** The read-only file layer of an image: base distribution files, the image's own files, its programs, BusyBox's applet links. */
import type { VfsEntry, VfsState } from "../shell/vfs";
import { dirname } from "../shell/vfs-path";
import type { ResolvedImage } from "./catalog";
import { baseDirs, baseFiles } from "./images/base-os";
import { DOCKER_APPLETS } from "./images/busybox-builds";

/** When the catalog's images were built; file times and Last-Modified headers show it. */
export const IMAGE_BUILD_TIME = Date.UTC(2025, 9, 7, 17, 4, 56);

export function imageLayer(image: ResolvedImage): VfsState {
  const base = image.spec.base?.(image.variant) ?? { os: "debian", release: 12 };
  const entries: Record<string, VfsEntry> = { "/": { type: "dir", mode: 0o755, mtime: IMAGE_BUILD_TIME } };
  const dir = (p: string, mode = 0o755): void => {
    if (entries[p]) return;
    if (p !== "/") dir(dirname(p));
    entries[p] = { type: "dir", mode, mtime: IMAGE_BUILD_TIME };
  };
  for (const d of baseDirs(base)) dir(d, d === "/tmp" ? 0o1777 : d === "/root" ? 0o700 : 0o755);
  const file = (p: string, content: string, mode: number): void => {
    dir(dirname(p));
    entries[p] = { type: "file", mode, mtime: IMAGE_BUILD_TIME, content };
  };
  for (const [p, content] of Object.entries(baseFiles(base))) file(p, content, 0o644);
  for (const [p, content] of Object.entries(image.spec.files?.(image.variant) ?? {})) file(p, content, p.endsWith(".sh") || p.endsWith(".envsh") ? 0o755 : 0o644);
  for (const p of Object.keys(image.spec.programs ?? {})) if (!entries[p]) file(p, "", 0o755);
  if (base.os === "busybox") for (const p of [...DOCKER_APPLETS, "busybox", "getconf"].map((a) => `/bin/${a}`).concat("/usr/bin/env")) file(p, "", 0o755);
  return { entries };
}
