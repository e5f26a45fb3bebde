import type { Program } from "../program";
import { parseOpts } from "./getopt";
import { readOperand } from "./io-helpers";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? "=" : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? "=" : ALPHABET[n & 63];
  }
  return out;
}

/** Decodes base64 (newlines ignored; other garbage only with `ignoreGarbage`); undefined when invalid. */
export function decodeBase64(text: string, ignoreGarbage = false): Uint8Array | undefined {
  let clean = text.replace(/\n/g, "");
  if (ignoreGarbage) clean = clean.replace(/[^A-Za-z0-9+/=]/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const body = clean.replace(/=+$/, "");
  if (body.length % 4 === 1) return undefined;
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of body) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** `base64 [-d] [-i] [-w COLS] [file]`: wraps at 76 columns by default, -w0 for one line. */
export const base64: Program = async (ctx) => {
  const o = parseOpts("base64", ctx.argv.slice(1), { short: "diw:", long: { decode: "d", "ignore-garbage": "i", "wrap:": "w:", wrap: "w:" } });
  if ("error" in o) {
    ctx.stderr(o.error);
    return 1;
  }
  if (o.operands.length > 1) {
    ctx.stderr(`base64: extra operand '${o.operands[1]}'\nTry 'base64 --help' for more information.\n`);
    return 1;
  }
  const file = o.operands[0] ?? "-";
  const r = readOperand(ctx, file);
  if ("error" in r) {
    ctx.stderr(`base64: ${file}: ${r.error}\n`);
    return 1;
  }
  if (o.has("d")) {
    const bytes = decodeBase64(r.text, o.has("i"));
    if (!bytes) {
      ctx.stderr("base64: invalid input\n");
      return 1;
    }
    ctx.stdout(new TextDecoder().decode(bytes));
    return 0;
  }
  const wrap = o.get("w") ?? "76";
  if (!/^[0-9]+$/.test(wrap)) {
    ctx.stderr(`base64: invalid wrap size: '${wrap}'\n`);
    return 1;
  }
  const encoded = encodeBase64(new TextEncoder().encode(r.text));
  const cols = Number(wrap);
  if (encoded === "") return 0;
  const lines = cols === 0 ? [encoded] : (encoded.match(new RegExp(`.{1,${cols}}`, "g")) ?? []);
  ctx.stdout(lines.join("\n") + (cols === 0 ? "" : "\n"));
  return 0;
};
