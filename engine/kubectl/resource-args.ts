/**
 * What cli-runtime's resource builder does with positional arguments: `pods`,
 * `pods,svc`, `all`, `pod web api`, `pod/web deploy/api`. Either a list of types to
 * list, or named objects to fetch; with kubectl's error texts otherwise.
 */
import type { ResourceType } from "../api/resources";
import { resolveResource, resourcesInCategory } from "../api/resources";

export interface NamedRef {
  readonly type: ResourceType;
  readonly name: string;
}

export type ResourceArgs = { kind: "types"; types: ResourceType[] } | { kind: "names"; refs: NamedRef[] };

export type ResourceArgsResult = { ok: true; value: ResourceArgs } | { ok: false; error: string };

function resolveTypes(list: string): { ok: true; value: ResourceType[] } | { ok: false; error: string } {
  const types: ResourceType[] = [];
  for (const t of list.split(",").filter(Boolean)) {
    if (t === "all") {
      types.push(...resourcesInCategory("all"));
      continue;
    }
    const r = resolveResource(t);
    if (!r) return { ok: false, error: `error: the server doesn't have a resource type "${t}"` };
    if (!types.includes(r)) types.push(r);
  }
  return { ok: true, value: types };
}

export function resolveResourceArgs(args: readonly string[]): ResourceArgsResult {
  if (args.length === 0) return { ok: true, value: { kind: "types", types: [] } };
  const slashed = args.filter((a) => a.includes("/"));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      return {
        ok: false,
        error:
          "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      };
    }
    const refs: NamedRef[] = [];
    for (const a of args) {
      const [t, name, ...extra] = a.split("/");
      if (!t || !name || extra.length) return { ok: false, error: `error: arguments in resource/name form must have a single resource and name` };
      const r = resolveResource(t);
      if (!r) return { ok: false, error: `error: the server doesn't have a resource type "${t}"` };
      refs.push({ type: r, name });
    }
    return { ok: true, value: { kind: "names", refs } };
  }
  const types = resolveTypes(args[0]);
  if (!types.ok) return types;
  const names = args.slice(1);
  if (names.length === 0) return { ok: true, value: { kind: "types", types: types.value } };
  return { ok: true, value: { kind: "names", refs: types.value.flatMap((type) => names.map((name) => ({ type, name }))) } };
}
