/**
 * Reading `-f` sources (YAML 1.1, as sigs.k8s.io/yaml reads it: `0644` is octal, `yes` a boolean): a file, a directory (its .json/.yaml/.yml files, `-R` to recurse),
 * or `-` for stdin; multi-document YAML, JSON, and List kinds flattened. Errors carry
 * kubectl's texts and the YAML line number.
 */
import { parseAllDocuments } from "yaml";
import type { ResourceType } from "../api/resources";
import { resourceForApiVersionKind } from "../api/resources";
import type { Vfs } from "../shell/vfs";

export interface Manifest {
  readonly source: string;
  readonly object: Record<string, unknown>;
}

export type ManifestRead = { ok: true; value: Manifest[] } | { ok: false; error: string };

/** 1 MiB per file, as a paste bigger than that is not a manifest a learner meant. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

function yamlMessage(code: string, message: string): string {
  switch (code) {
    case "TAB_AS_INDENT":
      return "found character that cannot start any token";
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "did not find expected key";
    case "MULTILINE_IMPLICIT_KEY":
    case "BLOCK_AS_IMPLICIT_KEY":
      return "mapping values are not allowed in this context";
    case "DUPLICATE_KEY":
      return message.replace(/^Map keys must be unique.*$/s, "mapping key already defined");
    case "UNEXPECTED_TOKEN":
      return "did not find expected <document start>";
    default:
      return "could not find expected ':'";
  }
}

/** Parses one source's text into objects, or kubectl's error for it. */
export function parseManifests(text: string, source: string): ManifestRead {
  if (text.length > MAX_MANIFEST_BYTES) return { ok: false, error: `error: error reading ${source}: input is larger than ${MAX_MANIFEST_BYTES} bytes` };
  if (text.includes("\u0000")) return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: control characters are not allowed` };
  const trimmed = text.trimStart();
  const objects: Record<string, unknown>[] = [];
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const v = JSON.parse(trimmed) as unknown;
      objects.push(...(Array.isArray(v) ? v : [v]).filter((o): o is Record<string, unknown> => typeof o === "object" && o !== null));
    } catch (e) {
      return { ok: false, error: `error: error parsing ${source}: ${(e as Error).message}` };
    }
  } else {
    const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, version: "1.1" });
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      const e = doc.errors[0];
      if (e) {
        const line = e.linePos?.[0]?.line ?? 1;
        return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${yamlMessage(e.code, e.message)}` };
      }
      const v = doc.toJS({ maxAliasCount: 100 }) as unknown;
      if (v === null || v === undefined) continue;
      if (typeof v !== "object" || Array.isArray(v)) {
        return { ok: false, error: `error: error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? "array" : typeof v === "number" ? "number" : "string"} into Go value of type map[string]interface {}` };
      }
      objects.push(v as Record<string, unknown>);
    }
  }
  const flat: Manifest[] = [];
  for (const o of objects) {
    if (typeof o.kind === "string" && o.kind.endsWith("List") && Array.isArray(o.items)) {
      for (const it of o.items) if (typeof it === "object" && it !== null) flat.push({ source, object: it as Record<string, unknown> });
    } else flat.push({ source, object: o });
  }
  for (const m of flat) {
    const missing = [m.object.apiVersion ? "" : "apiVersion not set", m.object.kind ? "" : "kind not set"].filter(Boolean);
    if (missing.length) {
      const what = missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
      return { ok: false, error: `error: error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false` };
    }
  }
  return { ok: true, value: flat };
}

const MANIFEST_EXT = /\.(ya?ml|json)$/;

/** Reads every `-f` argument (relative to cwd) into manifests. */
export function readManifests(files: readonly string[], fs: Vfs, cwd: string, stdin: string, recursive: boolean): ManifestRead {
  const all: Manifest[] = [];
  for (const f of files) {
    if (f === "-") {
      const r = parseManifests(stdin, "STDIN");
      if (!r.ok) return r;
      all.push(...r.value);
      continue;
    }
    if (/^https?:\/\//.test(f)) return { ok: false, error: `error: unable to read URL "${f}", server reported 404 Not Found, status code=404` };
    const path = fs.resolve(cwd, f);
    const st = fs.stat(path);
    if (!st) return { ok: false, error: `error: the path "${f}" does not exist` };
    const paths = st.type === "dir" ? listDir(fs, path, recursive) : [path];
    for (const p of paths) {
      const text = fs.readFile(p) ?? "";
      const shown = st.type === "dir" ? p.replace(path.replace(/\/$/, "") + "/", `${f.replace(/\/$/, "")}/`) : f;
      const r = parseManifests(text, shown);
      if (!r.ok) return r;
      all.push(...r.value);
    }
  }
  return { ok: true, value: all };
}

function listDir(fs: Vfs, dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  const names = fs.readdir(dir);
  if (!Array.isArray(names)) return out;
  for (const name of [...names].sort()) {
    const p = `${dir.replace(/\/$/, "")}/${name}`;
    const st = fs.stat(p);
    if (st?.type === "dir") {
      if (recursive) out.push(...listDir(fs, p, true));
    } else if (MANIFEST_EXT.test(name)) out.push(p);
  }
  return out;
}

/** The resource type a manifest names, or kubectl's RESTMapper error for it. */
export function manifestType(m: Manifest): { ok: true; value: ResourceType } | { ok: false; error: string } {
  const apiVersion = String(m.object.apiVersion);
  const kind = String(m.object.kind);
  const t = resourceForApiVersionKind(apiVersion, kind);
  if (t) return { ok: true, value: t };
  const meta = (m.object.metadata ?? {}) as Record<string, unknown>;
  return {
    ok: false,
    error: `error: resource mapping not found for name: "${String(meta.name ?? "")}" namespace: "${String(meta.namespace ?? "")}" from "${m.source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
  };
}
