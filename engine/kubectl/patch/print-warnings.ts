/**
 * Server warnings as kubectl's default warning handler prints them: `Warning: <text>` on
 * stderr, before the result line.
 */
export function printWarnings(err: (s: string) => void, warnings: readonly string[]): void {
  for (const w of warnings) err(`Warning: ${w}\n`);
}
