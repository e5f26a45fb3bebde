/**
 * What `source <(kubectl completion bash)` installs: cobra's bash completion V2
 * (bash_completionsV2.go, as kubectl's `completion bash` prints it), registered with
 * `complete -o default -F __start_kubectl`. The script asks the program itself: it runs
 * `kubectl __complete <words up to the cursor>` (an empty last word after a blank), reads
 * the candidates (a tab before each description) and the `:<directive>` line, filters them
 * by the current word, formats descriptions to the terminal width, and honours the
 * directive's no-space, no-file and file-extension bits.
 */
import type { CompReply, CompletionRequest, Compspec } from "./completion";
import { dequote } from "./quote";

/** What the program prints for `__complete ARGS` (its stdout). */
export type CompleteRequest = (args: readonly string[]) => string;

/** cobra's ShellCompDirective bits. */
const ERROR = 1;
const NO_SPACE = 2;
const NO_FILE_COMP = 4;
const FILTER_FILE_EXT = 8;

const TAB = "\t";

/** bash's COLUMNS when the shell has none. */
const DEFAULT_COLUMNS = 80;

const chars = (s: string) => [...s].length;

/** `__kubectl_format_comp_descriptions`: `name  (description)`, padded and cut to the terminal width. */
function withDescription(line: string, longest: number, columns: number): string {
  const tab = line.indexOf(TAB);
  if (tab < 0) return line;
  let comp = line.slice(0, tab);
  let desc = line.slice(tab + 1);
  let room = columns - longest - 4;
  if (room > 8) comp += " ".repeat(Math.max(0, longest - chars(comp)));
  else room = columns - chars(comp) - 4;
  if (room <= 0) return comp;
  if (chars(desc) > room) desc = [...desc].slice(0, room - 1).join("") + "…";
  return `${comp}  (${desc})`;
}

/** `__kubectl_handle_standard_completion_case`: the candidates that begin with `cur`. */
function standardCase(completions: readonly string[], cur: string, columns: number): string[] {
  if (!completions.some((c) => c.includes(TAB))) {
    // compgen -W "${completions[*]}" -- "$cur"
    return completions
      .join(" ")
      .split(/[ \t\n]+/)
      .filter((w) => w !== "" && w.startsWith(cur));
  }
  const matching = completions.filter((line) => line !== "" && line.split(TAB)[0].startsWith(cur));
  if (matching.length === 1) return [matching[0].split(TAB)[0]];
  const longest = Math.max(0, ...matching.map((line) => chars(line.split(TAB)[0])));
  return matching.map((line) => withDescription(line, longest, columns));
}

/** `__kubectl_handle_special_char`: readline's word starts after the last `:` or `=`, so the reply must too. */
function afterLast(words: readonly string[], cur: string, char: string): string[] {
  const at = cur.lastIndexOf(char);
  if (at < 0) return [...words];
  const prefix = cur.slice(0, at + 1);
  return words.map((w) => (w.startsWith(prefix) ? w.slice(prefix.length) : w));
}

function startCobra(req: CompletionRequest, request: CompleteRequest): CompReply {
  // _init_completion -n =: keeps `--flag=value` and `a:b` whole; words after the cursor are dropped
  const words = req.words.slice(0, req.cword + 1);
  let cur = req.cur;
  // eval "${words[0]} __complete ${args[*]}" removes the quotes of each word, and an empty word altogether
  const args = words
    .slice(1)
    .filter((w) => w !== "")
    .map(dequote);
  if (cur === "" && !(words[words.length - 1] ?? "").endsWith("=")) args.push("");
  if (/^-.*=/s.test(cur)) cur = cur.slice(cur.indexOf("=") + 1);

  // out=$(...) drops trailing newlines; the directive follows the last colon
  const out = request(args).replace(/\n+$/, "");
  const colon = out.lastIndexOf(":");
  const directive = colon < 0 ? 0 : Number(out.slice(colon + 1)) || 0;
  if (directive & ERROR) return { words: [] };
  const completions = (colon < 0 ? out : out.slice(0, colon)).split("\n");
  const options = { ...(directive & NO_SPACE ? { noSpace: true } : {}), ...(directive & NO_FILE_COMP ? { default: false } : {}) };

  let matches: string[];
  let filenames = false;
  if (directive & FILTER_FILE_EXT) {
    // `_filedir "json|yaml|yml|"`: the list ends in an empty alternative, so `name.` passes too
    matches = req.files(cur, { extensions: [...completions.join(" ").split(/\s+/).filter(Boolean), ""] });
    filenames = matches.length > 0;
  } else {
    matches = standardCase(completions, cur, Number(req.vars.COLUMNS) || DEFAULT_COLUMNS);
  }
  const reply = afterLast(afterLast(matches, cur, ":"), cur, "=");
  return { words: reply, ...options, ...(filenames ? { filenames } : {}) };
}

/** `complete -o default -F __start_<program> <name>` for a cobra program answering through `request`. */
export function cobraCompspec(request: CompleteRequest): Compspec {
  return { fallback: true, complete: (req) => startCobra(req, request) };
}
