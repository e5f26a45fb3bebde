/**
 * The engine's only source of randomness: a seeded generator whose whole state is one
 * number, so a snapshot carries it and the same seed replays the same uids and names.
 */

export interface RandomState {
  seed: number;
}

/** mulberry32: small, fast and good enough for names and uids. */
export function nextUint32(state: RandomState): number {
  state.seed = (state.seed + 0x6d2b79f5) | 0;
  let t = state.seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * A generator of its own, seeded from `text` (FNV-1a): for what a controller derives from
 * another object, so that deriving it does not move the cluster's stream and with it the
 * names of everything made afterwards.
 */
export function seededFrom(text: string): RandomState {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return { seed: h | 0 };
}

export function randomInt(state: RandomState, n: number): number {
  return nextUint32(state) % n;
}

/** apimachinery `rand.String`: the alphabet without vowels and look-alikes (`nginx-7c79c4bf97-x2k9p`). */
const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

export function randomSuffix(state: RandomState, length = 5): string {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHANUMS[randomInt(state, ALPHANUMS.length)];
  return s;
}

export function randomHex(state: RandomState, length: number): string {
  let s = "";
  while (s.length < length) s += nextUint32(state).toString(16).padStart(8, "0");
  return s.slice(0, length);
}

/** A version-4 UUID as the API server assigns to `metadata.uid`. */
export function randomUid(state: RandomState): string {
  const h = randomHex(state, 32).split("");
  h[12] = "4";
  h[16] = "89ab"[parseInt(h[16], 16) & 3];
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** apimachinery `rand.SafeEncodeString`: how pod-template-hash values are spelled. */
export function safeEncode(s: string): string {
  let out = "";
  for (const ch of s) out += ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length];
  return out;
}
