/**
 * How GNU coreutils quote a file name in their messages (gnulib quotearg, shell-escape
 * style): `quoteaf` always quotes (`cannot open 'x' for reading`), `quotef` only when the
 * name needs it (`x: file truncated`).
 */
const PLAIN = /^[A-Za-z0-9_%+,./:=@^-]+$/;

export function gnuQuote(name: string, always: boolean): string {
  if (!always && PLAIN.test(name)) return name;
  return `'${name.replace(/'/g, "'\\''")}'`;
}
