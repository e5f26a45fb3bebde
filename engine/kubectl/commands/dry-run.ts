/**
 * `--dry-run` as every mutating verb declares it (cmdutil.AddDryRunFlag) and reads it
 * (cmdutil.GetDryRunStrategy). A bare `--dry-run` is the deprecated spelling of
 * `client`, and the boolean spellings of older kubectl are still accepted.
 */
import type { FlagSpec, ParsedFlags } from "../flags";
import { str } from "../flags";
import type { DryRunStrategy } from "../printers/name";

/** pflag's NoOptDefVal: what `--dry-run` without `=value` stands for. */
const BARE = "unchanged";

export const DRY_RUN_FLAG: FlagSpec = {
  name: "dry-run",
  type: "string",
  default: "none",
  noOptDefault: BARE,
  usage: `Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.`,
};

export type DryRunParse = { ok: true; value: DryRunStrategy } | { ok: false; error: string };

/** strconv.ParseBool's spellings. */
const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

export function parseDryRun(flags: ParsedFlags): DryRunParse {
  const value = str(flags, "dry-run");
  if (TRUE.has(value)) return { ok: true, value: "client" };
  if (FALSE.has(value)) return { ok: true, value: "none" };
  switch (value) {
    case BARE:
    case "client":
      return { ok: true, value: "client" };
    case "server":
      return { ok: true, value: "server" };
    case "none":
      return { ok: true, value: "none" };
    default:
      return { ok: false, error: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".` };
  }
}
