/**
 * `systemctl` on a node (systemd 255, Ubuntu 24.04): status, start, stop, restart,
 * enable, disable, mask, unmask, is-active, is-enabled, is-failed, daemon-reload,
 * reset-failed, cat, list-units and list-unit-files, for the node's kubelet and containerd
 * units, with systemctl's messages and exit codes. Hosts not booted with systemd (a jump
 * host) say so, as a container without it does.
 */
import { daemonReload, restartUnit, startRefusal, startUnit, stopUnit, type HostContext } from "../../systemd/manager";
import { disableUnit, enableUnit, maskUnit, unmaskUnit, type InstallResult } from "../../systemd/install";
import { formatEntry, journalEntries } from "../../systemd/journal";
import type { HostServices } from "../../systemd/state";
import { KNOWN_UNITS, readServices, writeServices } from "../../systemd/state";
import { changedOnDiskWarning, renderStatus, stateDot } from "../../systemd/status";
import { relativeAgo, systemdTimestamp } from "../../systemd/time-format";
import { diskTexts, unitView, type UnitView } from "../../systemd/unit-view";
import type { Program, ProgramContext } from "../program";

const NO_SYSTEMD = "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n";

/** LSB exit codes of `status`/`is-active`: 3 "not running", 4 "no such unit"; 5 when a job's unit is not loaded. */
const NOT_RUNNING = 3;
const NO_SUCH_UNIT = 4;
const NOT_LOADED = 5;

interface Options {
  readonly quiet: boolean;
  readonly now: boolean;
  readonly all: boolean;
  readonly lines: number;
}

/** `kubelet` → `kubelet.service`, as systemctl mangles a name without a unit type. */
const unitName = (arg: string) => (/\.(service|socket|target|timer|mount|slice|scope|path|device|swap|automount)$/.test(arg) ? arg : `${arg}.service`);
const known = (unit: string) => (KNOWN_UNITS as readonly string[]).includes(unit);

function parseArgs(args: readonly string[]): { verb?: string; units: string[]; opts: Options } | { error: string } {
  let verb: string | undefined;
  const units: string[] = [];
  const opts = { quiet: false, now: false, all: false, lines: 10 };
  let lines: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-q" || a === "--quiet") opts.quiet = true;
    else if (a === "--now") opts.now = true;
    else if (a === "-a" || a === "--all") opts.all = true;
    else if (a === "-n" || a === "--lines") lines = args[++i] ?? "";
    else if (a.startsWith("--lines=")) lines = a.slice(8);
    else if (a.startsWith("-n") && a.length > 2) lines = a.slice(2);
    else if (a === "-t" || a === "--type" || a === "--state") i++;
    else if (["--no-pager", "-l", "--full", "--no-legend", "--plain", "--no-ask-password", "--system", "-r", "--recursive"].includes(a) || a.startsWith("--type=") || a.startsWith("--state=")) continue;
    else if (a.startsWith("-")) return { error: `systemctl: unrecognized option '${a}'\n` };
    else if (verb === undefined) verb = a;
    else units.push(unitName(a));
  }
  if (lines !== undefined) {
    if (!/^\d+$/.test(lines)) return { error: `Failed to parse lines '${lines}'\n` };
    opts.lines = Number(lines);
  }
  return { verb, units, opts };
}

interface Session {
  readonly ctx: ProgramContext;
  readonly host: HostContext;
  state: HostServices;
}

const view = (s: Session, unit: string) => unitView(s.host.fs, s.state, unit, s.host.now);

function warnIfChanged(s: Session, unit: string): void {
  if (view(s, unit).needsReload) s.ctx.stderr(changedOnDiskWarning(unit));
}

function unitJournal(s: Session, unit: string, lines: number): string[] {
  if (lines === 0) return [];
  const entries = journalEntries(s.state.journal, s.host.now, lines).filter((e) => e.unit === unit);
  return entries.slice(-lines).map((e) => formatEntry(e, s.host.host));
}

function systemStatus(s: Session): string {
  const failed = KNOWN_UNITS.filter((u) => view(s, u).active === "failed").length;
  const boot = s.state.bootAt;
  return [
    `${failed ? "×" : "●"} ${s.host.host}`,
    `    State: ${failed ? "degraded" : "running"}`,
    `    Units: ${KNOWN_UNITS.length} loaded (incl. loaded aliases)`,
    "     Jobs: 0 queued",
    `   Failed: ${failed} units`,
    `    Since: ${systemdTimestamp(boot)}; ${relativeAgo(boot, s.host.now)}`,
    "  systemd: 255.4-1ubuntu8.6",
    "   CGroup: /",
    "",
  ].join("\n");
}

function status(s: Session, units: string[], opts: Options): number {
  if (units.length === 0) {
    s.ctx.stdout(systemStatus(s));
    return 0;
  }
  let rc = 0;
  let first = true;
  for (const unit of units) {
    if (!known(unit)) {
      s.ctx.stderr(`Unit ${unit} could not be found.\n`);
      rc = NO_SUCH_UNIT;
      continue;
    }
    const v = view(s, unit);
    s.ctx.stdout((first ? "" : "\n") + renderStatus(v, s.host.now, unitJournal(s, unit, opts.lines)));
    first = false;
    if (v.needsReload) s.ctx.stderr(changedOnDiskWarning(unit));
    if (v.active !== "active" && rc === 0) rc = NOT_RUNNING;
  }
  return rc;
}

type Job = "start" | "stop" | "restart";

function job(s: Session, verb: Job, units: string[]): number {
  for (const unit of units) {
    if (!known(unit)) {
      s.ctx.stderr(verb === "stop" ? `Failed to stop ${unit}: Unit ${unit} not loaded.\n` : `Failed to ${verb} ${unit}: Unit ${unit} not found.\n`);
      return NOT_LOADED;
    }
    warnIfChanged(s, unit);
    if (verb !== "stop") {
      const refusal = startRefusal(s.state, unit, verb);
      if (refusal) {
        s.ctx.stderr(refusal + "\n");
        return 1;
      }
    }
    s.state = verb === "start" ? startUnit(s.host, s.state, unit) : verb === "stop" ? stopUnit(s.host, s.state, unit) : restartUnit(s.host, s.state, unit);
  }
  return 0;
}

function install(s: Session, verb: string, units: string[], opts: Options): number {
  const op: Record<string, (fs: HostContext["fs"], unit: string) => InstallResult> = { enable: enableUnit, disable: disableUnit, mask: maskUnit, unmask: unmaskUnit };
  for (const unit of units) {
    if (!known(unit) && (verb === "enable" || verb === "disable")) {
      s.ctx.stderr(`Failed to ${verb} unit: Unit file ${unit} does not exist.\n`);
      return 1;
    }
    const result = op[verb](s.host.fs, unit);
    for (const m of result.messages) s.ctx.stderr(m + "\n");
    if (result.error) {
      s.ctx.stderr(result.error + "\n");
      return 1;
    }
  }
  s.state = daemonReload(s.host, s.state);
  if (opts.now && (verb === "enable" || verb === "disable")) return job(s, verb === "enable" ? "start" : "stop", units);
  return 0;
}

function isActive(s: Session, units: string[], opts: Options): number {
  let rc = 0;
  for (const unit of units) {
    const state = known(unit) ? view(s, unit).active : "inactive";
    if (!opts.quiet) s.ctx.stdout(state + "\n");
    if (state !== "active") rc = NOT_RUNNING;
  }
  return rc;
}

function isEnabled(s: Session, units: string[], opts: Options): number {
  let rc = 0;
  for (const unit of units) {
    if (!known(unit)) {
      s.ctx.stderr(`Failed to get unit file state for ${unit}: No such file or directory\n`);
      rc = 1;
      continue;
    }
    const state = view(s, unit).enablement;
    if (!opts.quiet) s.ctx.stdout(state + "\n");
    if (state !== "enabled") rc = 1;
  }
  return rc;
}

function isFailed(s: Session, units: string[], opts: Options): number {
  let rc = 1;
  for (const unit of units) {
    const state = known(unit) ? view(s, unit).active : "inactive";
    if (!opts.quiet) s.ctx.stdout(state + "\n");
    if (state === "failed") rc = 0;
  }
  return rc;
}

function resetFailed(s: Session, units: string[]): number {
  for (const unit of units.length ? units : [...KNOWN_UNITS]) {
    const u = s.state.units[unit];
    if (u?.phase.kind === "dead" && u.phase.failed) s.state = { ...s.state, units: { ...s.state.units, [unit]: { ...u, phase: { ...u.phase, failed: false } } } };
  }
  return 0;
}

/** `cat` prints the files on disk, warning when systemd runs an older version of them. */
function cat(s: Session, units: string[]): number {
  let first = true;
  for (const unit of units) {
    const files = known(unit) ? diskTexts(s.host.fs, unit) : [];
    if (files.length === 0) {
      s.ctx.stderr(`No files found for ${unit}.\n`);
      return 1;
    }
    if (view(s, unit).needsReload) {
      s.ctx.stderr(
        `# Warning: ${unit} changed on disk, the version systemd has loaded is outdated.\n` +
          "# This output shows the current version of the unit's original fragment and drop-in files.\n" +
          "# If fragments or drop-ins were added or removed, they are not properly reflected in this output.\n" +
          "# Run 'systemctl daemon-reload' to reload units.\n",
      );
    }
    for (const [path, text] of files) {
      s.ctx.stdout(`${first ? "" : "\n"}# ${path}\n${text}`);
      first = false;
    }
  }
  return 0;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join(" ")).join("\n") + "\n";
}

function listUnits(s: Session, opts: Options): number {
  const views: UnitView[] = KNOWN_UNITS.map((u) => view(s, u)).filter((v) => opts.all || v.active !== "inactive");
  const rows = [["  UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"], ...views.map((v) => [`${v.active === "failed" ? stateDot(v) : " "} ${v.name}`, v.load, v.active, v.sub, v.config.description ?? ""])];
  s.ctx.stdout(table(rows));
  s.ctx.stdout(
    "\nLegend: LOAD   → Reflects whether the unit definition was properly loaded.\n" +
      "        ACTIVE → The high-level unit activation state, i.e. generalization of SUB.\n" +
      "        SUB    → The low-level unit activation state, values depend on unit type.\n\n" +
      `${views.length} loaded units listed.${opts.all ? "" : " Pass --all to see loaded but inactive units, too."}\n` +
      "To show all installed unit files use 'systemctl list-unit-files'.\n",
  );
  return 0;
}

function listUnitFiles(s: Session): number {
  const rows = [["UNIT FILE", "STATE", "PRESET"], ...KNOWN_UNITS.map((u) => [u, view(s, u).enablement, "enabled"])];
  s.ctx.stdout(table(rows) + `\n${KNOWN_UNITS.length} unit files listed.\n`);
  return 0;
}

/** Verbs that act on the units named and have nothing to do without one. */
const NEED_UNITS = new Set(["start", "stop", "restart", "try-restart", "reload-or-restart", "reload", "enable", "disable", "mask", "unmask", "is-active", "is-enabled", "is-failed", "cat"]);

function dispatch(s: Session, verb: string, units: string[], opts: Options): number {
  if (NEED_UNITS.has(verb) && units.length === 0) {
    s.ctx.stderr("Too few arguments.\n");
    return 1;
  }
  switch (verb) {
    case "status":
      return status(s, units, opts);
    case "start":
    case "stop":
    case "restart":
      return job(s, verb, units);
    case "try-restart":
      return job(s, "restart", units.filter((u) => view(s, u).active === "active"));
    case "reload-or-restart":
      return job(s, "restart", units);
    case "reload":
      for (const u of units) s.ctx.stderr(`Failed to reload ${u}: Job type reload is not applicable for unit ${u}.\n`);
      return 1;
    case "enable":
    case "disable":
    case "mask":
    case "unmask":
      return install(s, verb, units, opts);
    case "is-active":
      return isActive(s, units, opts);
    case "is-enabled":
      return isEnabled(s, units, opts);
    case "is-failed":
      return isFailed(s, units, opts);
    case "daemon-reload":
      s.state = daemonReload(s.host, s.state);
      return 0;
    case "reset-failed":
      return resetFailed(s, units);
    case "cat":
      return cat(s, units);
    case "list-units":
      return listUnits(s, opts);
    case "list-unit-files":
      return listUnitFiles(s);
    default:
      s.ctx.stderr(`Unknown command verb '${verb}'.\n`);
      return 1;
  }
}

export const systemctl: Program = async (ctx) => {
  const parsed = parseArgs(ctx.argv.slice(1));
  if ("error" in parsed) {
    ctx.stderr(parsed.error);
    return 1;
  }
  const state = readServices(ctx.fs);
  if (!state) {
    ctx.stderr(NO_SYSTEMD);
    return 1;
  }
  const s: Session = { ctx, host: { fs: ctx.fs, host: ctx.host, now: ctx.now?.() ?? 0 }, state };
  const rc = dispatch(s, parsed.verb ?? "list-units", parsed.units, parsed.opts);
  if (s.state !== state) writeServices(ctx.fs, s.state);
  return rc;
};
