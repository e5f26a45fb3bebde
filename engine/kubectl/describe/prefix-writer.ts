/**
 * kubectl's describe PrefixWriter feeding a Go text/tabwriter (minwidth 0, padding 2):
 * every write is indented two spaces per level, terminal control characters are
 * escaped as cli-runtime's WriteEscaped does, and the whole text is aligned at the end.
 * Aligning once at the end matches Go's streaming writer because kubectl only flushes
 * right before a tab-less line, which ends every column block anyway.
 */
import { DESCRIBE, tabwrite } from "../printers/tabwriter";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

function escapeTerminal(s: string): string {
  return s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");
}

/** What the describe helpers write through; the nested form indents every write. */
export interface PrefixWriter {
  write(level: number, s: string): void;
  /** Go's WriteLine: the text plus a newline. */
  writeLine(s: string): void;
}

export class DescribeWriter implements PrefixWriter {
  private text = "";

  write(level: number, s: string): void {
    this.text += escapeTerminal("  ".repeat(level) + s);
  }

  writeLine(s: string): void {
    this.text += escapeTerminal(s + "\n");
  }

  /** The raw text before alignment, tabs still in place. */
  raw(): string {
    return this.text;
  }

  render(): string {
    return tabwrite(this.text, DESCRIBE);
  }
}

/** describe.go's nestedPrefixWriter: every write, WriteLine included, `indent` levels deeper. */
export function nestedWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, s) => w.write(level + indent, s),
    writeLine: (s) => w.write(indent, s + "\n"),
  };
}
