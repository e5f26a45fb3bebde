/**
 * The nodes `cordon`, `uncordon` and `drain` work on, as their shared Complete finds them:
 * node names (or `node/NAME`) fetched one by one, the first missing one failing the
 * command, or `-l` listing the nodes that match.
 */
import type { KubeObject } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { KubectlEnv } from "../../command";
import type { Failure } from "../../patch/failure";

export const NODE = resolveResource("nodes") as ResourceType;

export type NodesResult = { ok: true; value: KubeObject[] } | { ok: false; error: Failure };

/** GroupVersionResource.String(), which the wrong-type error quotes. */
const gvr = (t: ResourceType) => `${t.group}/${t.version}, Resource=${t.plural}`;

export function resolveNodes(env: KubectlEnv, args: readonly string[], selector: string): NodesResult {
  if (selector) {
    const listed = env.api.list(NODE, undefined, { labelSelector: selector });
    return listed.ok ? { ok: true, value: listed.value } : { ok: false, error: listed.error };
  }
  const nodes: KubeObject[] = [];
  for (const arg of args) {
    let name = arg;
    if (arg.includes("/")) {
      const [typeName, rest] = arg.split("/", 2);
      const type = resolveResource(typeName);
      if (!type) return { ok: false, error: `the server doesn't have a resource type "${typeName}"` };
      if (type.plural !== "nodes") return { ok: false, error: `error: expected resource of type node, got "${gvr(type)}"` };
      name = rest;
    }
    const got = env.api.get(NODE, undefined, name);
    if (!got.ok) return { ok: false, error: got.error };
    nodes.push(got.value);
  }
  return { ok: true, value: nodes };
}
