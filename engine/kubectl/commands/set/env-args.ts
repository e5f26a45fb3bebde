/**
 * The environment arguments of `kubectl set env` (pkg/cmd/set/env/env_parse.go): where the
 * resources end and `KEY=VALUE` / `KEY-` begin, `-e -` lines from stdin, name checks, and
 * how a container's list of variables is updated (updateEnv).
 */
import type { JsonMap } from "../../patch/smp-lists";

export type EnvVar = JsonMap & { name: string };

/** SplitEnvironmentFromResources: undefined when a resource follows an environment argument. */
export function splitEnvironment(args: readonly string[]): { resources: string[]; env: string[] } | undefined {
  const resources: string[] = [];
  const env: string[] = [];
  for (const s of args) {
    const isEnv = /^.+=/s.test(s) || s.endsWith("-");
    if (isEnv) env.push(s);
    else if (env.length > 0) return undefined;
    else resources.push(s);
  }
  return { resources, env };
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

export type ParsedEnv = { ok: true; value: { env: EnvVar[]; remove: string[] } } | { ok: false; error: string };

/** ParseEnv: `KEY=VALUE` to set, `KEY-` to remove, `-` to read `KEY=VALUE` lines from stdin. */
export function parseEnv(specs: readonly string[], stdin: string): ParsedEnv {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  const lines = (s: string) =>
    s
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
  const all = specs.flatMap((s) => (s === "-" ? lines(stdin) : [s]));
  for (const spec of all) {
    if (spec.includes("=")) {
      const eq = spec.indexOf("=");
      const name = spec.slice(0, eq);
      if (!ENV_NAME.test(name)) return { ok: false, error: `"${name}" is not a valid key name: ${ENV_NAME_MSG}` };
      set.add(name);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith("-")) {
      remove.push(spec.slice(0, -1));
    } else {
      return { ok: false, error: `unknown environment variable: ${spec}` };
    }
  }
  if (remove.some((r) => set.has(r))) return { ok: false, error: "can not both modify and remove the same environment variable in the same command" };
  return { ok: true, value: { env, remove } };
}

/** updateEnv: removals dropped, existing names updated in place, new names appended. */
export function updateEnv(existing: readonly EnvVar[], env: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** keyToEnvName: a config map or secret key as a variable name. */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, "_").toUpperCase();
}
