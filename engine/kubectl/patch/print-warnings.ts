/**
 * Server warnings as kubectl's default warning handler prints them: `Warning: <text>` on
 * stderr, before the result line.
 */
export function printWarnings(err: (s: string) => void, warnings: readonly string[]): void {
  for (const w of warnings) err(`Warning: ${w}\n`);
}

/** The API server's deprecation warning for each deprecated type read, once each, as the deduplicating handler prints them. */
export function printDeprecations(err: (s: string) => void, types: readonly { readonly deprecation?: string }[]): void {
  printWarnings(err, [...new Set(types.flatMap((t) => (t.deprecation ? [t.deprecation] : [])))]);
}
