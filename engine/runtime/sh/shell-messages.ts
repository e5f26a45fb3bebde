/**
 * Error lines in each shell's own words. BusyBox ash prefixes its name, dash adds the
 * script line number, bash says `line N`. `name` is the shell's $0 as invoked (`sh`,
 * `/bin/sh`, `bash`), which real shells print too.
 */
import type { FsError } from "../fs/container-fs";
import type { ShellFlavour } from "./process-state";
import type { TestError } from "./test-command";

export interface Where {
  readonly flavour: ShellFlavour;
  readonly name: string;
  readonly line: number;
}

function prefix(w: Where): string {
  if (w.flavour === "ash") return `${w.name}: `;
  return w.flavour === "dash" ? `${w.name}: ${w.line}: ` : `${w.name}: line ${w.line}: `;
}

export function notFound(w: Where, cmd: string): string {
  return w.flavour === "bash" ? `${prefix(w)}${cmd}: command not found\n` : `${prefix(w)}${cmd}: not found\n`;
}

/** `cmd > path` could not open its file. */
export function cannotCreate(w: Where, path: string, err: FsError): string {
  if (w.flavour === "bash") return `${prefix(w)}${path}: ${err.message}\n`;
  if (w.flavour === "dash") return `${prefix(w)}cannot create ${path}: ${err.code === "ENOENT" ? "Directory nonexistent" : err.message}\n`;
  return `${prefix(w)}can't create ${path}: ${err.code === "ENOENT" ? "nonexistent directory" : err.message}\n`;
}

/** `cmd < path` could not open its file. */
export function cannotOpen(w: Where, path: string, err: FsError): string {
  if (w.flavour === "bash") return `${prefix(w)}${path}: ${err.message}\n`;
  if (w.flavour === "dash") return `${prefix(w)}cannot open ${path}: ${err.code === "ENOENT" ? "No such file" : err.message}\n`;
  return `${prefix(w)}can't open '${path}': ${err.message}\n`;
}

export function testError(w: Where, cmd: string, err: TestError): string {
  const p = prefix(w);
  if (w.flavour === "ash") {
    if (err.kind === "missing-bracket") return `${p}missing ]\n`;
    if (err.kind === "bad-number") return `${p}${err.arg}: bad number\n`;
    return `${p}${err.arg}: unexpected operator\n`;
  }
  if (w.flavour === "dash") {
    if (err.kind === "missing-bracket") return `${p}${cmd}: missing ]\n`;
    if (err.kind === "bad-number") return `${p}${cmd}: Illegal number: ${err.arg}\n`;
    return `${p}${cmd}: ${err.arg}: unexpected operator\n`;
  }
  if (err.kind === "missing-bracket") return `${p}${cmd}: missing \`]'\n`;
  if (err.kind === "bad-number") return `${p}${cmd}: ${err.arg}: integer expression expected\n`;
  return `${p}${cmd}: ${err.arg}: binary operator expected\n`;
}

export function syntaxError(w: Where, message: string): string {
  if (w.flavour === "ash") return `${w.name}: syntax error: ${message}\n`;
  if (w.flavour === "dash") return `${w.name}: ${w.line}: Syntax error: ${message}\n`;
  return `${w.name}: -c: line ${w.line}: syntax error: ${message}\n`;
}

/** Errors of builtins and expansions (`cd`, `${x:?}`, arithmetic). */
export function shellError(w: Where, message: string): string {
  return `${prefix(w)}${message}\n`;
}

export function cdError(w: Where, dir: string): string {
  if (w.flavour === "bash") return `${prefix(w)}cd: ${dir}: No such file or directory\n`;
  return w.flavour === "dash" ? `${prefix(w)}cd: can't cd to ${dir}\n` : `${prefix(w)}cd: can't cd to ${dir}: No such file or directory\n`;
}
