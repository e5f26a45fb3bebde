import { forEachChild, parse, type ParseError, type SyntaxNode } from "unbash";

const MATCHING: Record<string, string> = {
  "unterminated double quote": '"',
  "unterminated single quote": "'",
  "unterminated ANSI-C quote": "'",
  "unterminated backtick": "`",
  "unterminated command substitution": ")",
  "unterminated process substitution": ")",
  "unterminated arithmetic expansion": ")",
  "unterminated arithmetic command": ")",
  "unterminated parameter expansion": "}",
  "unterminated array subscript": "]",
};

/** Bash's wording for a parse error found by unbash. */
export function syntaxErrorMessage(error: ParseError, text: string, name = "bash"): string {
  const m = error.message;
  const match = MATCHING[m];
  if (match) return `${name}: unexpected EOF while looking for matching \`${match}'`;
  const token = /^unexpected token '(.*)'$/.exec(m);
  if (token) return `${name}: syntax error near unexpected token \`${token[1]}'`;
  if (m === "expected redirect target") {
    const next = /^\s*(\S+)/.exec(text.slice(error.pos));
    return `${name}: syntax error near unexpected token \`${next && !/^[;&|]/.test(next[1]) ? next[1] : next ? next[1][0] : "newline"}'`;
  }
  if (atEnd(error, text)) return `${name}: syntax error: unexpected end of file`;
  const next = /^\s*([;&|]+|[^\s;&|]+)/.exec(text.slice(error.pos));
  return `${name}: syntax error near unexpected token \`${next ? next[1] : "newline"}'`;
}

function atEnd(error: ParseError, text: string): boolean {
  return text.slice(error.pos).trim() === "";
}

function hasOpenHeredoc(node: SyntaxNode): boolean {
  if (node.type === "HereDoc" && node.closing === undefined) return true;
  let open = false;
  forEachChild(node, (child) => {
    if (!open && hasOpenHeredoc(child)) open = true;
  });
  return open;
}

/** True when the text is an unfinished command (open quote, heredoc, `if`, trailing `|` or `\`), so the terminal shows `> `. */
export function needsMoreInput(text: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(text.replace(/\n$/, ""))) return true;
  const script = parse(text);
  if (hasOpenHeredoc(script)) return true;
  const incomplete = (m: string) => !m.startsWith("unexpected") && !m.startsWith("maximum") && m !== "expected redirect target";
  return (script.errors ?? []).some((e) => e.message.startsWith("unterminated") || (incomplete(e.message) && atEnd(e, text)));
}
