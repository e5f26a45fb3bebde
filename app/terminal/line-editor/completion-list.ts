import { textWidth } from "./char-width";

/**
 * The pieces of readline's completion display that are pure: the matches as readline
 * keeps them (sorted, duplicates removed), their longest common prefix (what a Tab on an
 * ambiguous word inserts), the part of a path that a listing shows, and the listing laid
 * out down columns like `ls`, with readline's column arithmetic (rl_display_match_list).
 */

/** readline asks "Display all N possibilities? (y or n)" from this many matches on (completion-query-items). */
export const COMPLETION_QUERY_ITEMS = 100;

/** The matches sorted and without duplicates, as readline shows and inserts them. */
export function sortedMatches(candidates: readonly string[]): string[] {
  return [...new Set(candidates)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The longest prefix every word shares (by code point). */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return "";
  let prefix = Array.from(words[0]);
  for (const w of words.slice(1)) {
    const chars = Array.from(w);
    let i = 0;
    while (i < prefix.length && i < chars.length && prefix[i] === chars[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join("");
}

/** What a filename listing shows: the last path component, keeping a directory's trailing slash (readline's printable_part). */
export function printablePart(path: string): string {
  const slash = path.lastIndexOf("/");
  if (slash < 0 || path === "/") return path;
  if (slash < path.length - 1) return path.slice(slash + 1);
  const previous = path.lastIndexOf("/", slash - 1);
  return previous < 0 ? path : path.slice(previous + 1);
}

/**
 * The listing's rows (without line ends), sorted down the columns. Each column is as wide
 * as the longest item plus two; as many columns as fit, one fewer when they would fill
 * the row exactly; every item but those in the last column is padded, as readline does.
 */
export function formatColumns(items: readonly string[], cols: number): string[] {
  if (items.length === 0) return [];
  const width = Math.max(...items.map(textWidth)) + 2;
  let limit = Math.floor(cols / width);
  if (limit !== 1 && limit * width === cols) limit--;
  if (limit <= 0) limit = 1;
  const count = Math.ceil(items.length / limit);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    let row = "";
    for (let j = 0; j < limit; j++) {
      const l = i + j * count;
      if (l >= items.length) break;
      const item = items[l];
      row += item;
      if (j + 1 < limit) row += " ".repeat(Math.max(1, width - textWidth(item)));
    }
    rows.push(row);
  }
  return rows;
}
