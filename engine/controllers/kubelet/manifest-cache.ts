/**
 * Static pod manifests parsed once per distinct text: the kubelet reads every node's
 * manifest folder on each reconcile, and the files rarely change. A pure cache (the same
 * text always gives the same result), bounded so many workspaces cannot grow it forever.
 */
import type { Pod } from "kubernetes-types/core/v1";
import { parse } from "yaml";
import { contentHash } from "./content-hash";

export interface ParsedManifest {
  readonly pod: Pod;
  /** the document as JSON, which the config hash is taken over */
  readonly json: string;
}

const LIMIT = 512;
const parsed = new Map<string, ParsedManifest | undefined>();
const hashes = new WeakMap<ParsedManifest, Map<string, string>>();

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseManifest(text: string): ParsedManifest | undefined {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return undefined;
  }
  // the kubelet decodes with the API scheme: a Pod is only `v1` (`apps/v1` is "no kind
  // "Pod" is registered for version "apps/v1""), and a missing apiVersion fails to decode
  if (!isObj(doc) || doc.apiVersion !== "v1" || doc.kind !== "Pod" || !isObj(doc.metadata) || typeof doc.metadata.name !== "string" || !isObj(doc.spec)) return undefined;
  return { pod: doc as unknown as Pod, json: JSON.stringify(doc) };
}

/** The Pod a manifest file holds, or undefined when it is not YAML of a Pod (the kubelet logs and skips it). Callers must not change it. */
export function manifestPod(text: string): ParsedManifest | undefined {
  if (parsed.has(text)) {
    const hit = parsed.get(text);
    // most recently used last, so the oldest goes first when full
    parsed.delete(text);
    parsed.set(text, hit);
    return hit;
  }
  const result = parseManifest(text);
  if (parsed.size >= LIMIT) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, result);
  return result;
}

/** kubernetes.io/config.hash of the manifest as read from `path` on `node`. */
export function configHash(m: ParsedManifest, node: string, path: string): string {
  let byFile = hashes.get(m);
  if (!byFile) hashes.set(m, (byFile = new Map()));
  const where = `host:${node}file:${path}`;
  let hash = byFile.get(where);
  if (hash === undefined) byFile.set(where, (hash = contentHash(`${where}${m.json}`)));
  return hash;
}
