/**
 * `kubectl config get-contexts` (pkg/cmd/config/get_contexts.go): a table of contexts,
 * sorted by name, the current one marked `*`; `-o name` prints names only. Contexts asked
 * for by name that do not exist are reported after the table.
 */
import type { CommandContext, CommandSpec } from "../../command";
import { fail } from "../../errors";
import { bool, str } from "../../flags";
import { GET_TABLE, tabwrite } from "../../printers/tabwriter";

/** Formats get_contexts.go accepts but resets to the table. */
const VALID_OUTPUTS = new Set(["", "json", "yaml", "wide", "name", "custom-columns", "custom-columns-file", "go-template", "go-template-file", "jsonpath", "jsonpath-file"]);

function run(ctx: CommandContext): number {
  const env = ctx.env;
  let output = str(ctx.flags, "output");
  if (!VALID_OUTPUTS.has(output)) return fail(env.err, `output must be one of '' or 'name': ${output}`);
  if (output !== "" && output !== "name") {
    env.out(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format\n`);
    output = "";
  }
  const nameOnly = output === "name";
  const showHeaders = !bool(ctx.flags, "no-headers") && !nameOnly;
  const k = env.kubeconfig;
  const known = new Set(k.contexts.map((c) => c.name));
  const names = ctx.args.length === 0 ? [...known] : ctx.args.filter((n) => known.has(n));
  const errors = ctx.args.filter((n) => !known.has(n)).map((n) => `context ${n} not found`);
  const rows: string[] = showHeaders ? ["CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE"] : [];
  for (const name of [...names].sort()) {
    if (nameOnly) {
      rows.push(name);
      continue;
    }
    const c = k.contexts.find((x) => x.name === name)?.context;
    rows.push(`${k["current-context"] === name ? "*" : " "}\t${name}\t${c?.cluster ?? ""}\t${c?.user ?? ""}\t${c?.namespace ?? ""}`);
  }
  if (rows.length) env.out(tabwrite(rows.join("\n") + "\n", GET_TABLE));
  if (errors.length === 0) return 0;
  // checkErr prints one error with `error: `, several (an aggregate) one bare line each.
  env.err(errors.length === 1 ? `error: ${errors[0]}\n` : errors.map((e) => `${e}\n`).join(""));
  return 1;
}

export const getContextsCommand: CommandSpec = {
  name: "get-contexts",
  short: "Describe one or many contexts",
  long: "Displays one or many contexts from the kubeconfig file.",
  example: `# List all the contexts in your kubeconfig file
kubectl config get-contexts

# Describe one context in your kubeconfig file
kubectl config get-contexts my-context`,
  use: "[(-o|--output=)name)] [options]",
  flags: [
    { name: "no-headers", type: "bool", usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: "output", short: "o", type: "string", usage: "Output format. One of: name" },
  ],
  run,
};
