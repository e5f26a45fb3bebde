/**
 * The pod-template-hash (controller.ComputeHash): FNV-32a over the pod template, plus the
 * collision count as eight little-endian bytes, its decimal value spelled with
 * SafeEncodeString. Kubernetes feeds the hasher a dump of the Go struct; this hashes the
 * template's canonical JSON instead, so values have the real alphabet and length but are
 * not the ones a real cluster would print for the same template.
 */
import { safeEncode } from "../../random";
import { isObj, sameJson } from "../pod-control";

export const TEMPLATE_HASH_LABEL = "pod-template-hash";

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isObj(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonical(template)));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncode(String(h));
}

/** Semantic.DeepEqual holds empty and absent maps and lists equal. */
function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(dropEmpty) : undefined;
  if (!isObj(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const d = dropEmpty(x);
    if (d !== undefined) out[k] = d;
  }
  return Object.keys(out).length ? out : undefined;
}

function withoutHash(template: unknown): unknown {
  if (!isObj(template)) return template;
  const meta = isObj(template.metadata) ? template.metadata : {};
  const labels = { ...((meta.labels as Record<string, string> | undefined) ?? {}) };
  delete labels[TEMPLATE_HASH_LABEL];
  return dropEmpty({ ...template, metadata: { ...meta, labels } });
}

/** EqualIgnoreHash: two pod templates equal but for their pod-template-hash labels. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return sameJson(withoutHash(a), withoutHash(b));
}
