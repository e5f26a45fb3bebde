/** File system failures as values; `message` is the C library's strerror text coreutils print. */
export type VfsErrorCode = "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST" | "ENOSPC" | "ENOTEMPTY" | "EINVAL" | "EACCES";

export interface VfsError {
  code: VfsErrorCode;
  path: string;
  message: string;
}

const STRERROR: Record<VfsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOSPC: "No space left on device",
  ENOTEMPTY: "Directory not empty",
  EINVAL: "Invalid argument",
  EACCES: "Permission denied",
};

export function vfsError(code: VfsErrorCode, path: string): VfsError {
  return { code, path, message: STRERROR[code] };
}

export function isVfsError(v: unknown): v is VfsError {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v && "message" in v && "path" in v;
}
