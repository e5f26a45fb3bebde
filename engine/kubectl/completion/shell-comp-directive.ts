/** cobra's ShellCompDirective: the bits after the `:` that ends a `__complete` answer. */
export const DEFAULT = 0;
export const NO_SPACE = 2;
export const NO_FILE_COMP = 4;
export const FILTER_FILE_EXT = 8;

/** What a completion function returns: candidates (a tab before a description) and a directive. */
export interface CompletionResult {
  readonly completions: readonly string[];
  readonly directive: number;
}
