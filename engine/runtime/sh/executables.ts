/**
 * PATH lookup inside a container: what a command name or path refers to in this image
 * (a shell, a utility, an image program, an executable file somebody put there), or why
 * nothing can be executed — the distinction runc reports when a container or exec fails.
 */
import { resolvePath } from "../../shell/vfs-path";
import type { FileSystem } from "../fs/container-fs";
import type { ImageSpec, ImageVariant, Toolbox } from "../image-spec";
import { DOCKER_APPLETS } from "../images/busybox-builds";
import { PROGRAMS, toolInToolbox } from "../programs/registry";
import type { ShellFlavour } from "./process-state";

export type Executable =
  | { readonly kind: "shell"; readonly flavour: ShellFlavour }
  | { readonly kind: "tool"; readonly name: string; readonly path: string }
  /** a BusyBox applet the image links but the simulator does not have: BusyBox's own words for a missing applet */
  | { readonly kind: "applet"; readonly name: string; readonly path: string }
  | { readonly kind: "program"; readonly id: string }
  | { readonly kind: "script"; readonly path: string }
  | { readonly kind: "missing"; readonly reason: "not-found" | "no-such-file" | "permission-denied" };

export interface ImageView {
  readonly spec: ImageSpec;
  readonly variant: ImageVariant;
}

export function effectiveToolbox(image: ImageView): Toolbox {
  return image.variant.alpine && image.spec.toolbox === "gnu" ? "busybox" : image.spec.toolbox;
}

function hasBash(image: ImageView): boolean {
  return Boolean(image.spec.bash) && (!image.variant.alpine || image.spec.name === "bash");
}

const TOOL_DIRS = new Set(["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin"]);

/** The docker-library busybox images: every applet is a link in /bin (and /usr/bin/env one to it). */
export function isBusyboxImage(image: ImageView): boolean {
  return image.spec.base?.(image.variant).os === "busybox";
}

/** What lives at an absolute path of the image (not counting files the container wrote). */
function atPath(path: string, image: ImageView): Executable | undefined {
  const id = image.spec.programs?.[path];
  if (id && PROGRAMS[id]) return { kind: "program", id };
  const dir = path.slice(0, path.lastIndexOf("/")) || "/";
  const name = path.slice(path.lastIndexOf("/") + 1);
  const toolbox = effectiveToolbox(image);
  if (dir === "/bin" || dir === "/usr/bin") {
    if (name === "sh" && toolbox !== "none") return { kind: "shell", flavour: toolbox === "busybox" ? "ash" : "dash" };
    if (name === "ash" && toolbox === "busybox") return { kind: "shell", flavour: "ash" };
    if (name === "bash" && hasBash(image)) return { kind: "shell", flavour: "bash" };
    if (name === "dash" && toolbox === "gnu") return { kind: "shell", flavour: "dash" };
  }
  if (isBusyboxImage(image)) {
    if (dir !== "/bin" && path !== "/usr/bin/env") return undefined;
    if (toolInToolbox(name, toolbox, image.spec.tools ?? [], false)) return { kind: "tool", name, path };
    return dir === "/bin" && DOCKER_APPLETS.includes(name) ? { kind: "applet", name, path } : undefined;
  }
  const alpine = toolbox === "busybox" && image.spec.base?.(image.variant).os === "alpine";
  if (TOOL_DIRS.has(dir) && toolInToolbox(name, toolbox, image.spec.tools ?? [], alpine)) return { kind: "tool", name, path };
  return undefined;
}

/** Resolves `name` as execve would through PATH (`$PATH` of the process, `cwd` for relative paths). */
export function findExecutable(name: string, image: ImageView, fs: FileSystem, pathVar: string, cwd: string): Executable {
  if (name === "") return { kind: "missing", reason: "not-found" };
  if (name.includes("/")) {
    const abs = resolvePath(cwd, name);
    const found = atPath(abs, image);
    if (found) return found;
    const st = fs.stat(abs);
    if (!st) return { kind: "missing", reason: "no-such-file" };
    if (st.type === "dir" || (st.mode & 0o111) === 0) return { kind: "missing", reason: "permission-denied" };
    return { kind: "script", path: abs };
  }
  for (const dir of pathVar.split(":").filter(Boolean)) {
    const abs = `${dir.replace(/\/$/, "")}/${name}`;
    const found = atPath(abs, image);
    if (found) return found;
    const st = fs.stat(abs);
    if (st?.type === "file" && (st.mode & 0o111) !== 0) return { kind: "script", path: abs };
  }
  return { kind: "missing", reason: "not-found" };
}

/** runc's words for an executable it could not start (`exec: "foo": executable file not found in $PATH`). */
export function execFailure(name: string, reason: "not-found" | "no-such-file" | "permission-denied", cwd: string): string {
  if (reason === "not-found") return `exec: "${name}": executable file not found in $PATH`;
  if (reason === "permission-denied") return `exec: "${name}": permission denied`;
  return `exec: "${name}": stat ${resolvePath(cwd, name)}: no such file or directory`;
}
