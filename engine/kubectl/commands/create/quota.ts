/**
 * `kubectl create quota` (create_quota.go): `--hard` as `resource=quantity` pairs, each
 * quantity parsed as kubectl parses it before anything is sent, and `--scopes` passed on
 * unchecked (the API server judges them). Server errors are wrapped as "failed to create quota".
 */
import { canonicalQuantity, quantityParseError } from "../../../api/resource-quantity";
import type { CommandContext } from "../../command";
import { str } from "../../flags";
import type { Generation } from "./generator";
import { generatorCommand, objectMeta } from "./generator";

/** populateResourceListV1. */
function parseHard(spec: string): { ok: true; value: Record<string, string> | undefined } | { ok: false; error: string } {
  if (spec === "") return { ok: true, value: undefined };
  const hard: Record<string, string> = {};
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) return { ok: false, error: `Invalid argument syntax ${statement}, expected <resource>=<value>` };
    const invalid = quantityParseError(parts[1]);
    if (invalid) return { ok: false, error: invalid };
    hard[parts[0]] = canonicalQuantity(parts[1]);
  }
  return { ok: true, value: hard };
}

/** parseScopes: only an empty scope is refused here. */
function parseScopes(spec: string): { ok: true; value: string[] | undefined } | { ok: false; error: string } {
  if (spec === "") return { ok: true, value: undefined };
  const scopes = spec.split(",");
  return scopes.includes("") ? { ok: false, error: 'invalid resource quota scope ""' } : { ok: true, value: scopes };
}

function generate(ctx: CommandContext, name: string, namespace: string | undefined): Generation {
  const hard = parseHard(str(ctx.flags, "hard"));
  if (!hard.ok) return hard;
  const scopes = parseScopes(str(ctx.flags, "scopes"));
  if (!scopes.ok) return scopes;
  return {
    ok: true,
    value: {
      errorPrefix: "failed to create quota: ",
      object: {
        kind: "ResourceQuota",
        apiVersion: "v1",
        metadata: objectMeta(name, namespace),
        spec: { ...(hard.value ? { hard: hard.value } : {}), ...(scopes.value ? { scopes: scopes.value } : {}) },
        status: {},
      },
    },
  };
}

export const createQuotaCommand = generatorCommand({
  name: "quota",
  aliases: ["resourcequota"],
  kind: "ResourceQuota",
  short: "Create a quota with the specified name",
  long: "Create a resource quota with the specified name, hard limits, and optional scopes.",
  example: `# Create a new resource quota named my-quota
kubectl create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10

# Create a new resource quota named best-effort
kubectl create quota best-effort --hard=pods=100 --scopes=BestEffort`,
  use: "NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]",
  flags: [
    { name: "hard", type: "string", usage: "A comma-delimited set of resource=quantity pairs that define a hard limit." },
    { name: "scopes", type: "string", usage: "A comma-delimited set of quota scopes that must all match each object tracked by the quota." },
  ],
  generate,
});
