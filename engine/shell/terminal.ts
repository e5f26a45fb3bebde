/**
 * The learner's terminal as a program that owns it sees it: the lines typed while the
 * program holds the foreground (an interactive shell in a container). The host supplies
 * it: readline in `kubelab shell`, the browser's xterm over its socket in the app.
 */

/** One read: a line (without its newline), Ctrl-D at an empty line, or Ctrl-C. */
export type TerminalInput = { readonly kind: "line"; readonly text: string } | { readonly kind: "eof" } | { readonly kind: "interrupt" };

export interface Terminal {
  /** Shows `prompt` and waits for what the learner types next. */
  read(prompt: string): Promise<TerminalInput>;
}

/**
 * The terminal's editor (the page's vim, or the CLI's $EDITOR): shown a file, it answers
 * the text saved, or undefined when the learner quits without saving (`:q!`).
 */
export type Editor = (file: { readonly path: string; readonly content: string }) => Promise<string | undefined>;
