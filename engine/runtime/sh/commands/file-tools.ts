/** File utilities: ls, touch, rm, mkdir, cp, mv, chmod and friends, in BusyBox or GNU wording. */
import { columns } from "../../../shell/coreutils/ls";
import { strftime } from "../../../shell/coreutils/date";
import { basename, dirname, resolvePath } from "../../../shell/vfs-path";
import { isFsError, type FsError } from "../../fs/container-fs";
import type { Command, CommandContext } from "../command";

function flagsAndOperands(argv: readonly string[]): { flags: string; operands: string[] } {
  const operands: string[] = [];
  let flags = "";
  let dashdash = false;
  for (const a of argv.slice(1)) {
    if (!dashdash && a === "--") dashdash = true;
    else if (!dashdash && /^-[A-Za-z1]+$/.test(a)) flags += a.slice(1);
    else operands.push(a);
  }
  return { flags, operands };
}

/** `cmd: can't VERB 'x': reason` (BusyBox) or `cmd: cannot VERB 'x': reason` (GNU). */
function failure(ctx: CommandContext, cmd: string, verb: string, name: string, err: FsError): void {
  if (ctx.sys.toolbox === "busybox") ctx.err(verb === "" ? `${cmd}: ${name}: ${err.message}\n` : `${cmd}: can't ${verb} '${name}': ${err.message}\n`);
  else ctx.err(verb === "" ? `${cmd}: ${name}: ${err.message}\n` : `${cmd}: cannot ${verb} '${name}': ${err.message}\n`);
}

function missingOperand(ctx: CommandContext, cmd: string): number {
  ctx.err(ctx.sys.toolbox === "busybox" ? `${cmd}: missing operand\n` : `${cmd}: missing operand\nTry '${cmd} --help' for more information.\n`);
  return 1;
}

const touch: Command = (ctx) => {
  const { operands } = flagsAndOperands(ctx.argv);
  if (!operands.length) return missingOperand(ctx, "touch");
  let status = 0;
  for (const f of operands) {
    const err = ctx.fs.touch(resolvePath(ctx.cwd, f));
    if (err) {
      status = 1;
      if (ctx.sys.toolbox === "busybox") ctx.err(`touch: ${f}: ${err.message}\n`);
      else ctx.err(`touch: cannot touch '${f}': ${err.message}\n`);
    }
  }
  return status;
};

const rm: Command = (ctx) => {
  const { flags, operands } = flagsAndOperands(ctx.argv);
  const force = flags.includes("f");
  const recursive = /[rR]/.test(flags);
  if (!operands.length) return force ? 0 : missingOperand(ctx, "rm");
  let status = 0;
  for (const f of operands) {
    const p = resolvePath(ctx.cwd, f);
    const st = ctx.fs.stat(p);
    if (!st) {
      if (!force) {
        failure(ctx, "rm", "remove", f, { code: "ENOENT", path: f, message: "No such file or directory" });
        status = 1;
      }
      continue;
    }
    if (st.type === "dir" && !recursive) {
      ctx.err(ctx.sys.toolbox === "busybox" ? `rm: '${f}' is a directory\n` : `rm: cannot remove '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    const err = ctx.fs.remove(p, true);
    if (err) {
      failure(ctx, "rm", "remove", f, err);
      status = 1;
    }
  }
  return status;
};

const rmdir: Command = (ctx) => {
  const { operands } = flagsAndOperands(ctx.argv);
  let status = 0;
  for (const f of operands) {
    const p = resolvePath(ctx.cwd, f);
    const list = ctx.fs.readdir(p);
    const err = isFsError(list) ? list : list.length ? ({ code: "ENOTEMPTY", path: f, message: "Directory not empty" } as const) : ctx.fs.remove(p, true);
    if (err) {
      ctx.err(ctx.sys.toolbox === "busybox" ? `rmdir: '${f}': ${err.message}\n` : `rmdir: failed to remove '${f}': ${err.message}\n`);
      status = 1;
    }
  }
  return status;
};

const mkdir: Command = (ctx) => {
  const { flags, operands } = flagsAndOperands(ctx.argv);
  if (!operands.length) return missingOperand(ctx, "mkdir");
  let status = 0;
  for (const f of operands) {
    const err = ctx.fs.mkdir(resolvePath(ctx.cwd, f), flags.includes("p"));
    if (err) {
      failure(ctx, "mkdir", "create directory", f, err);
      status = 1;
    }
  }
  return status;
};

function copyTree(ctx: CommandContext, from: string, to: string): FsError | undefined {
  const st = ctx.fs.stat(from);
  if (!st) return { code: "ENOENT", path: from, message: "No such file or directory" };
  if (st.type === "file") {
    const text = ctx.fs.read(from);
    return isFsError(text) ? text : ctx.fs.write(to, text, false);
  }
  const err = ctx.fs.mkdir(to, true);
  if (err) return err;
  const names = ctx.fs.readdir(from);
  if (isFsError(names)) return names;
  for (const n of names) {
    const e = copyTree(ctx, `${from}/${n}`, `${to}/${n}`);
    if (e) return e;
  }
  return undefined;
}

function copyOrMove(cmd: "cp" | "mv"): Command {
  return (ctx) => {
    const { flags, operands } = flagsAndOperands(ctx.argv);
    if (operands.length < 2) return missingOperand(ctx, cmd);
    const dest = resolvePath(ctx.cwd, operands[operands.length - 1]);
    const intoDir = ctx.fs.stat(dest)?.type === "dir";
    let status = 0;
    for (const src of operands.slice(0, -1)) {
      const from = resolvePath(ctx.cwd, src);
      const st = ctx.fs.stat(from);
      const to = intoDir ? `${dest}/${basename(from)}` : dest;
      if (!st) {
        ctx.err(ctx.sys.toolbox === "busybox" ? `${cmd}: can't stat '${src}': No such file or directory\n` : `${cmd}: cannot stat '${src}': No such file or directory\n`);
        status = 1;
        continue;
      }
      if (st.type === "dir" && cmd === "cp" && !/[rRa]/.test(flags)) {
        ctx.err(ctx.sys.toolbox === "busybox" ? `cp: omitting directory '${src}'\n` : `cp: -r not specified; omitting directory '${src}'\n`);
        status = 1;
        continue;
      }
      const err = copyTree(ctx, from, to) ?? (cmd === "mv" ? ctx.fs.remove(from, true) : undefined);
      if (err) {
        failure(ctx, cmd, "create", to, err);
        status = 1;
      }
    }
    return status;
  };
}

const chmod: Command = (ctx) => {
  const { operands } = flagsAndOperands(ctx.argv);
  const [mode, ...files] = operands;
  if (!mode || !files.length) return missingOperand(ctx, "chmod");
  let status = 0;
  for (const f of files) {
    const p = resolvePath(ctx.cwd, f);
    const st = ctx.fs.stat(p);
    let bits = st?.mode ?? 0o644;
    if (/^[0-7]{3,4}$/.test(mode)) bits = parseInt(mode, 8);
    else if (/^[ugoa]*\+x$/.test(mode)) bits |= 0o111;
    else if (/^[ugoa]*-x$/.test(mode)) bits &= ~0o111;
    const err = st ? ctx.fs.chmod(p, bits) : { code: "ENOENT" as const, path: f, message: "No such file or directory" };
    if (err) {
      ctx.err(ctx.sys.toolbox === "busybox" ? `chmod: ${f}: ${err.message}\n` : `chmod: cannot access '${f}': ${err.message}\n`);
      status = 1;
    }
  }
  return status;
};

function modeString(type: "file" | "dir", mode: number): string {
  const rwx = (b: number): string => `${b & 4 ? "r" : "-"}${b & 2 ? "w" : "-"}${b & 1 ? "x" : "-"}`;
  const other = rwx(mode & 7);
  const sticky = mode & 0o1000 ? `${other.slice(0, 2)}${other[2] === "x" ? "t" : "T"}` : other;
  return `${type === "dir" ? "d" : "-"}${rwx((mode >> 6) & 7)}${rwx((mode >> 3) & 7)}${sticky}`;
}

/** The width kubectl's terminal reports when it has no size to pass on. */
const TERMINAL_WIDTH = 80;

/**
 * BusyBox ls on a terminal (display_files): every column as wide as the longest name plus
 * two, names running down the columns, spaces between them.
 */
function busyboxColumns(names: readonly string[], width: number): string[] {
  if (names.length === 0) return [];
  const colWidth = Math.max(...names.map((n) => n.length)) + 2;
  const cols = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(names.length / cols);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const name = names[c * rows + r];
      if (name === undefined) continue;
      line = line.padEnd(c * colWidth) + name;
    }
    out.push(line);
  }
  return out;
}

const ls: Command = (ctx) => {
  const { flags, operands } = flagsAndOperands(ctx.argv);
  const long = flags.includes("l");
  const all = /[aA]/.test(flags);
  const busybox = ctx.sys.toolbox === "busybox";
  let status = 0;
  const targets = operands.length ? operands : ["."];
  const blocks: string[] = [];
  const entry = (name: string, path: string): string => {
    if (!long) return name;
    const st = ctx.fs.stat(path);
    if (!st) return name;
    const when = strftime(ctx.now - st.mtime > 182 * 86_400_000 ? "%b %e  %Y" : "%b %e %H:%M", st.mtime);
    return busybox
      ? `${modeString(st.type, st.mode)}    ${st.type === "dir" ? 2 : 1} root     root     ${String(st.size).padStart(9)} ${when} ${name}`
      : `${modeString(st.type, st.mode)} ${st.type === "dir" ? 2 : 1} root root ${String(st.size).padStart(4)} ${when} ${name}`;
  };
  for (const t of targets) {
    const p = resolvePath(ctx.cwd, t);
    const st = ctx.fs.stat(p);
    if (!st) {
      ctx.err(busybox ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`);
      status = busybox ? 1 : 2;
      continue;
    }
    if (st.type === "file" || flags.includes("d")) {
      blocks.push(entry(t, p) + "\n");
      continue;
    }
    const names = ctx.fs.readdir(p);
    const list = (isFsError(names) ? [] : names).filter((n) => all || !n.startsWith("."));
    const shown = (flags.includes("a") ? [".", "..", ...list] : list).map((n) => entry(n, n === "." ? p : n === ".." ? dirname(p) : `${p === "/" ? "" : p}/${n}`));
    const header = targets.length > 1 ? `${t}:\n` : "";
    const total = long ? `total ${list.length * 4}\n` : "";
    const lines = ctx.tty && !long && !flags.includes("1") ? (busybox ? busyboxColumns(shown, TERMINAL_WIDTH) : columns(shown, TERMINAL_WIDTH)) : shown;
    blocks.push(header + total + lines.map((l) => `${l}\n`).join(""));
  }
  ctx.out(blocks.join(targets.length > 1 ? "\n" : ""));
  return status;
};

const basenameTool: Command = (ctx) => {
  const name = ctx.argv[1];
  if (name === undefined) return missingOperand(ctx, "basename");
  let b = basename(name);
  const suffix = ctx.argv[2];
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  ctx.out(`${b}\n`);
  return 0;
};

const dirnameTool: Command = (ctx) => {
  const name = ctx.argv[1];
  if (name === undefined) return missingOperand(ctx, "dirname");
  const trimmed = name.replace(/\/+$/, "") || "/";
  const i = trimmed.lastIndexOf("/");
  ctx.out(`${i < 0 ? "." : i === 0 ? "/" : trimmed.slice(0, i)}\n`);
  return 0;
};

export const FILE_TOOLS: Readonly<Record<string, Command>> = {
  ls,
  touch,
  rm,
  rmdir,
  mkdir,
  cp: copyOrMove("cp"),
  mv: copyOrMove("mv"),
  chmod,
  basename: basenameTool,
  dirname: dirnameTool,
  pwd: (ctx) => {
    ctx.out(`${ctx.cwd}\n`);
    return 0;
  },
};
