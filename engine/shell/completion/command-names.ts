/**
 * What completes a command name (bashline.c command_word_completion_function, and
 * `compgen -c`): aliases, reserved words, functions, builtins, then the programs on PATH,
 * here the ones this shell runs.
 */
import { BUILTINS } from "../builtins/registry";
import { COREUTILS } from "../coreutils/registry";
import type { CompletionSession } from "./completion";

/** bash's word_token_alist, which command completion offers too. */
const RESERVED_WORDS = ["!", "[[", "]]", "case", "coproc", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "select", "then", "time", "until", "while", "{", "}"];

export function commandNames(session: CompletionSession, prefix: string): string[] {
  const st = session.state;
  const names = new Set([...Object.keys(st.aliases), ...RESERVED_WORDS, ...Object.keys(st.functions), ...Object.keys(BUILTINS), ...session.programs, ...Object.keys(COREUTILS)]);
  return [...names].filter((n) => n.startsWith(prefix));
}
