/**
 * The contract of Tab in the learner's shell: the answer the browser's line editor takes
 * (app/terminal/line-editor/host.ts), what completion reads of the shell session, and the
 * shape of a programmable completion (`complete -F func name`) as bash runs it.
 */
import type { ShellState } from "../shell-state";
import type { Vfs } from "../vfs";

/** The answer to Tab: the words that may replace the text from `start` to the cursor. */
export interface Completion {
  /** UTF-16 index in the line where the replaced text starts. */
  readonly start: number;
  /** Whole words, already quoted as bash would insert them. */
  readonly candidates: readonly string[];
  /** The words are paths: directories end in "/", a listing shows their last component. */
  readonly filenames?: boolean;
  /** No space after a unique completion (`compopt -o nospace`). */
  readonly noSpace?: boolean;
}

/** What completion reads of a shell session; it changes nothing. */
export interface CompletionSession {
  readonly state: ShellState;
  /** undefined = no such host. */
  fs(host: string): Vfs | undefined;
  /** ssh targets. */
  hosts(): readonly string[];
  /** The programs the workspace adds to every host (kubectl). */
  readonly programs: readonly string[];
}

/** compgen's file selections: `-f`, `-d`, and bash-completion's `_filedir ext` filter. */
export interface FileFilter {
  readonly dirsOnly?: boolean;
  /** keep files ending in `.ext` for one of these (as `_filedir` does, also in upper case); directories always stay */
  readonly extensions?: readonly string[];
}

/** What a completion function sees, as bash-completion's `_init_completion` leaves it. */
export interface CompletionRequest {
  /** COMP_WORDS from the command name up to the word under the cursor, as typed (quotes kept). */
  readonly words: readonly string[];
  /** COMP_CWORD: the index of the word under the cursor (the last one). */
  readonly cword: number;
  /** That word up to the cursor. */
  readonly cur: string;
  /** Shell variables (COLUMNS, HOME ...). */
  readonly vars: Readonly<Record<string, string>>;
  readonly session: CompletionSession;
  /** `compgen -f -- text`: the paths that complete `text` (quotes removed), spelled as typed. */
  files(text: string, filter?: FileFilter): string[];
  /** bash-completion's `_command_offset`: completes `words[offset..]` as a command line of its own. */
  commandAt(offset: number): CompReply;
}

/** COMPREPLY and the options the function left set with `compopt`. */
export interface CompReply {
  /** They replace readline's word (the text after the last `=`, `:` ...). */
  readonly words: readonly string[];
  /** `compopt -o filenames`: readline marks directories with "/" and quotes the words. */
  readonly filenames?: boolean;
  /** `compopt -o nospace`. */
  readonly noSpace?: boolean;
  /** `compopt -o default` (true) or `+o default` (false): whether an empty reply falls back to file names. */
  readonly default?: boolean;
}

/** A `complete` registration: the function and its `-o` options. */
export interface Compspec {
  readonly complete: (req: CompletionRequest) => CompReply;
  /** `-o default`: file names when the function found nothing. */
  readonly fallback?: boolean;
  /** `-o nospace`. */
  readonly noSpace?: boolean;
}

export const NO_REPLY: CompReply = { words: [] };
