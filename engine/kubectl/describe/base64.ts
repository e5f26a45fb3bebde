/** Secret and ConfigMap binary values arrive base64-encoded; describe shows sizes, and one token. */

/** Bytes a base64 value decodes to, without decoding it. */
export function base64DecodedLength(b64: string): number {
  const clean = b64.replace(/\s/g, "");
  const padding = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

export function decodeBase64(b64: string): string {
  try {
    return atob(b64.replace(/\s/g, ""));
  } catch {
    return "";
  }
}
