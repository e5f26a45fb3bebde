import { describe, expect, it } from "vitest";
import { parseFlags } from "../flags";
import { DRY_RUN_FLAG, parseDryRun } from "./dry-run";

const parse = (argv: string[]) => {
  const flags = parseFlags(argv, [DRY_RUN_FLAG]);
  if (!flags.ok) throw new Error(flags.error);
  return parseDryRun(flags.value);
};

describe("parseDryRun (cmdutil.GetDryRunStrategy)", () => {
  it.each<[string[], string]>([
    [[], "none"],
    [["--dry-run"], "client"],
    [["--dry-run=client"], "client"],
    [["--dry-run=server"], "server"],
    [["--dry-run=none"], "none"],
    // the boolean spellings kubectl still accepts, with a deprecation warning
    [["--dry-run=true"], "client"],
    [["--dry-run=false"], "none"],
    [["--dry-run=1"], "client"],
  ])("%j → %s", (argv, want) => {
    expect(parse(argv)).toEqual({ ok: true, value: want });
  });

  it.each(["x", "Client", ""])("refuses %j with kubectl's text", (value) => {
    expect(parse([`--dry-run=${value}`])).toEqual({ ok: false, error: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".` });
  });

  it("needs `=` for a value, as pflag does for a flag with NoOptDefVal", () => {
    const flags = parseFlags(["--dry-run", "server"], [DRY_RUN_FLAG]);
    expect(flags.ok && flags.value.args).toEqual(["server"]);
    expect(flags.ok && parseDryRun(flags.value)).toEqual({ ok: true, value: "client" });
  });
});
