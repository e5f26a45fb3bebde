/**
 * Quoting on the way in and out of completion, as bash does it: a word's quotes are
 * removed before it is looked up (`my\ fi` and `'my fi` both mean "my fi"), and a file
 * name that holds a character the shell would act on is quoted before it is inserted
 * (readline's make_quoted_replacement with bashline.c bash_quote_filename): in the style of
 * the quote the learner opened, else with backslashes.
 */

export type Quote = "'" | '"';

/** bashline.c default_filename_quote_characters: a match holding one of these is quoted. */
const NEEDS_QUOTING = new Set([..." \t\n\\\"'@<>=;|&()#$`?*[!:{~"]);

/**
 * lib/sh/shquote.c `bstab` (the characters sh_backslash_quote escapes), plus the word-break
 * characters it leaves alone but quote_word_break_chars escapes too: `@`, `=`, `:`.
 */
const BACKSLASHED = new Set([..."\t\n !\"$&'()*,;<>?[\\]^`{|}", ..."@=:"]);

/** The word with its quotes removed, as the shell would pass it on (an unclosed quote runs to the end). */
export function dequote(word: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === "\\") {
      out += word[++i] ?? "";
    } else if (c === "'") {
      const end = word.indexOf("'", i + 1);
      const stop = end < 0 ? word.length : end;
      out += word.slice(i + 1, stop);
      i = stop;
    } else if (c === '"') {
      for (i++; i < word.length && word[i] !== '"'; i++) {
        if (word[i] === "\\" && '$`"\\\n'.includes(word[i + 1] ?? "")) i++;
        out += word[i] ?? "";
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** A name quoted as bash_quote_filename does: inside the quote the learner opened, else backslash-escaped. */
function quoteFilename(name: string, openQuote?: Quote): string {
  // a newline cannot be backslash-quoted, so bash single-quotes such names
  const style = openQuote ?? (name.includes("\n") ? "'" : undefined);
  if (style === "'") return `'${name.replaceAll("'", `'\\''`)}'`;
  if (style === '"') return `"${name.replace(/["$`\\]/g, "\\$&")}"`;
  let out = "";
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    // `#` starts a comment only at the beginning of a word
    if (BACKSLASHED.has(c) || (c === "#" && i === 0)) out += "\\";
    out += c;
  }
  return out;
}

/**
 * A file name match as readline inserts it alone: quoted when it needs to be, a directory
 * with "/" after it. A name that needs no quoting stays inside the quote the learner opened,
 * which readline closes after a file (`'pod.yaml'`) but leaves open before a directory's slash.
 */
export function filenameMatch(path: string, isDir: boolean, openQuote?: Quote): string {
  if ([...path].some((c) => NEEDS_QUOTING.has(c))) return quoteFilename(path, openQuote) + (isDir ? "/" : "");
  if (isDir) return `${openQuote ?? ""}${path}/`;
  return openQuote ? `${openQuote}${path}${openQuote}` : path;
}
