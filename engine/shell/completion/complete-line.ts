/**
 * Tab in the learner's shell, decided as bash 5.2 decides it (bashline.c
 * attempt_shell_completion) with bash-completion loaded: a redirection's target is a file
 * name; `$NA` a variable; the command word a command (or, with a `/`, a path to one); the
 * arguments of a command with a `complete` registration whatever its function replies
 * (kubectl and `k` via `source <(kubectl completion bash)`, cd, ssh, sudo); everything
 * else, and an empty reply under `-o default`, a file name. File names come back quoted
 * and directories marked with "/", as readline inserts them.
 */
import { HOME } from "../shell-state";
import { basename } from "../vfs-path";
import { BASH_COMPLETION } from "./bash-completion";
import { commandNames } from "./command-names";
import type { CompReply, Completion, CompletionRequest, CompletionSession, Compspec, FileFilter } from "./completion";
import type { FileSystemView } from "./file-names";
import { isDirectory, isExecutable, matchingFiles } from "./file-names";
import { lineAtCursor } from "./line-at-cursor";
import type { Quote } from "./quote";
import { dequote, filenameMatch } from "./quote";

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Reserved words a command name follows (`if kub`, `do ech`). */
const BEFORE_COMMAND = new Set(["!", "{", "do", "elif", "else", "if", "then", "time", "until", "while"]);
/** `$NA`, `${NA`: bash's variable completion, and bash-completion's `_variables`. */
const VARIABLE = /^\$(\{?)([A-Za-z0-9_]*)$/;

/** What Tab found: file names (to be quoted and marked) or plain words. */
type Found = { readonly files: readonly string[]; readonly noSpace?: boolean } | { readonly words: readonly string[]; readonly noSpace?: boolean };

class Completer {
  private readonly specs: Readonly<Record<string, Compspec>>;

  constructor(
    private readonly session: CompletionSession,
    private readonly view: FileSystemView,
    specs: Readonly<Record<string, Compspec>>,
  ) {
    this.specs = { ...BASH_COMPLETION, ...specs };
  }

  files(text: string, filter?: FileFilter): string[] {
    return matchingFiles(this.view, dequote(text), filter);
  }

  /** bash's progcomp lookup: the name as typed, then (for `/usr/bin/kubectl`) its last component. */
  private specFor(command: string): Compspec | undefined {
    const name = dequote(command);
    const own = (n: string) => (Object.prototype.hasOwnProperty.call(this.specs, n) ? this.specs[n] : undefined);
    return own(name) ?? (name.includes("/") ? own(basename(name)) : undefined);
  }

  /** The word under the cursor of `words`, where readline's word is `word`. */
  complete(words: readonly string[], word: string, quote: Quote | undefined): Found {
    const cword = words.length - 1;
    const cur = words[cword];
    let cmd = 0;
    while (cmd < cword && (ASSIGNMENT.test(words[cmd]) || BEFORE_COMMAND.has(words[cmd]))) cmd++;
    const spec = cmd < cword ? this.specFor(words[cmd]) : undefined;
    const variable = quote === "'" ? null : VARIABLE.exec(word);
    if (variable && spec) return { words: this.variables(variable[1] === "{", variable[2]), noSpace: spec.noSpace };
    if (variable) return this.variable(variable[1] === "{", variable[2]);
    if (cmd === cword) return ASSIGNMENT.test(cur) ? { files: this.files(word) } : this.commandWord(dequote(word));
    if (!spec) return { files: this.files(word) };
    const reply = spec.complete(this.request(words.slice(cmd)));
    const noSpace = Boolean(reply.noSpace || spec.noSpace);
    if (reply.words.length === 0 && (reply.default ?? spec.fallback)) return { files: this.files(word), noSpace };
    return reply.filenames ? { files: reply.words, noSpace } : { words: reply.words, noSpace };
  }

  /** bash-completion's `_variables`, run by a completion function's `_init_completion`. */
  private variables(braced: boolean, prefix: string): string[] {
    return this.variableNames(prefix).map((n) => (braced ? `\${${n}}` : `$${n}`));
  }

  /** bash's own variable completion: a lone match naming a directory gets "/" instead of a space. */
  private variable(braced: boolean, prefix: string): Found {
    const words = this.variables(braced, prefix);
    const value = this.session.state.vars[this.variableNames(prefix)[0]];
    if (words.length === 1 && value && isDirectory(this.view, value)) return { words: [`${words[0]}/`], noSpace: true };
    return { words };
  }

  private variableNames(prefix: string): string[] {
    const st = this.session.state;
    return [...new Set([...Object.keys(st.vars), ...Object.keys(st.arrays ?? {})])].filter((n) => n.startsWith(prefix));
  }

  /** The command name: names that begin with it; with a `/`, runnable files and directories; else directories. */
  private commandWord(text: string): Found {
    if (text.includes("/")) return { files: matchingFiles(this.view, text).filter((p) => isDirectory(this.view, p) || isExecutable(this.view, p)) };
    const names = commandNames(this.session, text);
    return names.length > 0 ? { words: names } : { files: matchingFiles(this.view, text, { dirsOnly: true }) };
  }

  private request(words: readonly string[]): CompletionRequest {
    const cword = words.length - 1;
    return {
      words,
      cword,
      cur: words[cword],
      vars: this.session.state.vars,
      session: this.session,
      files: (text, filter) => this.files(text, filter),
      commandAt: (offset) => this.commandAt(words, offset),
    };
  }

  /** bash-completion's `_command_offset`: the command itself, or its arguments by its own registration. */
  private commandAt(words: readonly string[], offset: number): CompReply {
    const sub = words.slice(offset);
    const cur = sub[sub.length - 1];
    if (sub.length === 1) return { words: [...commandNames(this.session, dequote(cur)), ...this.files(cur, { dirsOnly: true })], filenames: true };
    const spec = this.specFor(sub[0]);
    // `_minimal`: file names
    if (!spec) return { words: this.files(cur), filenames: true };
    const reply = spec.complete(this.request(sub));
    // _command_offset switches the registration's `-o` options back on afterwards
    return { ...reply, ...(spec.fallback ? { default: true } : {}), ...(spec.noSpace ? { noSpace: true } : {}) };
  }
}

/**
 * What Tab offers at `cursor` in `line`: `specs` are the `complete -F` registrations beyond
 * bash-completion's own (kubectl's).
 */
export function completeLine(line: string, cursor: number, session: CompletionSession, specs: Readonly<Record<string, Compspec>>): Completion {
  const st = session.state;
  const fs = session.fs(st.host);
  if (!fs) return { start: cursor, candidates: [] };
  const view: FileSystemView = { fs, cwd: st.cwd[st.host] ?? HOME, home: st.vars.HOME ?? HOME };
  const c = new Completer(session, view, specs);
  const at = lineAtCursor(line, cursor);
  // inside a quote left open, readline's word starts after it
  const word = line.slice(at.openQuote ? at.start + 1 : at.start, cursor);
  const found: Found = at.redirect ? { files: c.files(word) } : c.complete(at.words, word, at.openQuote);
  const noSpace = found.noSpace ? { noSpace: true } : {};
  if ("words" in found) return { start: at.openQuote ? at.start + 1 : at.start, candidates: found.words, ...noSpace };
  const candidates = found.files.map((p) => filenameMatch(p, isDirectory(view, p), at.openQuote));
  return { start: at.start, candidates, filenames: true, ...noSpace };
}
