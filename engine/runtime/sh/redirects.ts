/** Redirections: `>`, `>>`, `2>&1`, `&>`, `<`, here-documents and here-strings, opened in order. */
import type { Redirection } from "unbash";
import { resolvePath } from "../../shell/vfs-path";
import { isFsError } from "../fs/container-fs";
import { expandHeredoc, expandString } from "./expand";
import type { Machine } from "./machine";
import type { Fds, NodeRef, Target } from "./process-state";
import { cannotCreate, cannotOpen } from "./shell-messages";

export interface Redirected {
  readonly fds: Fds;
  readonly stdin?: string;
}

/** Applies `redirects` on top of the current descriptors; undefined (after the shell's message) when a file cannot be opened. */
export function applyRedirects(m: Machine, ref: NodeRef, redirects: readonly Redirection[]): Redirected | undefined {
  let { out, err } = m.fds();
  let stdin: string | undefined;
  const env = m.expandEnv();
  const open = (word: string, append: boolean): Target | undefined => {
    if (word === "/dev/null") return { kind: "null" };
    if (word === "/dev/stdout" || word === "/proc/self/fd/1") return out;
    if (word === "/dev/stderr" || word === "/proc/self/fd/2") return err;
    const path = resolvePath(m.st.cwd, word);
    const e = append ? m.host.fs.write(path, "", true) : m.host.fs.write(path, "", false);
    if (e) {
      m.err(cannotCreate(m.where(ref), word, e));
      return undefined;
    }
    return { kind: "file", path };
  };
  for (const r of redirects) {
    const fd = r.descriptor?.type === "FileDescriptor" ? r.descriptor.value : undefined;
    if (r.type === "HereDoc") {
      stdin = expandHeredoc(r.body, r.delimiter?.quoted ?? false, env);
      if (r.operator === "<<-") stdin = stdin.replace(/^\t+/gm, "");
      continue;
    }
    const word = r.target ? expandString(r.target, env) : "";
    if (r.type === "HereString") {
      stdin = `${word}\n`;
      continue;
    }
    switch (r.operator) {
      case ">":
      case ">|":
      case ">>": {
        const t = open(word, r.operator === ">>");
        if (!t) return undefined;
        if (fd === 2) err = t;
        else out = t;
        break;
      }
      case "&>":
      case "&>>": {
        const t = open(word, r.operator === "&>>");
        if (!t) return undefined;
        out = t;
        err = t;
        break;
      }
      case ">&":
      case "<&":
        if (word === "1") {
          if (fd === 2) err = out;
        } else if (word === "2") {
          if (fd === undefined || fd === 1) out = err;
        } else if (word !== "-") {
          const t = open(word, false);
          if (!t) return undefined;
          out = t;
          err = t;
        }
        break;
      case "<": {
        const text = m.host.fs.read(resolvePath(m.st.cwd, word));
        if (isFsError(text)) {
          m.err(cannotOpen(m.where(ref), word, text));
          return undefined;
        }
        stdin = text;
        break;
      }
      default:
        break;
    }
  }
  return { fds: { out, err }, stdin };
}
