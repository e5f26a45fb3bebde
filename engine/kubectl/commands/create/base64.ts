/** Secret data is base64 of the value's UTF-8 bytes, as encoding/json writes a []byte. */
export function base64Utf8(value: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
