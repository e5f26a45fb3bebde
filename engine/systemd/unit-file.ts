/**
 * Reading unit files as systemd does (systemd.unit(5), systemd.service(5), systemd.exec(5)):
 * where a unit's file and drop-ins are found, the INI syntax with `\` continuations,
 * settings merged in drop-in order (an empty `ExecStart=` clearing the list), quoted
 * `Environment=` assignments, environment files, and `$VAR`/`${VAR}` in a command line.
 */
import type { Vfs } from "../shell/vfs";
import { ADMIN_UNIT_DIR, SYSTEM_UNIT_DIR } from "./unit-files";

/** The unit search path, highest priority first. */
const UNIT_DIRS = [ADMIN_UNIT_DIR, "/run/systemd/system", "/usr/local/lib/systemd/system", SYSTEM_UNIT_DIR];

export interface UnitSources {
  /** the unit file in use, undefined when none exists */
  readonly fragment?: string;
  /** the drop-ins in the order systemd applies them (by file name; a name in a higher directory hides the same name below) */
  readonly dropIns: readonly string[];
}

export function unitSources(fs: Vfs, unit: string): UnitSources {
  const fragment = UNIT_DIRS.map((d) => `${d}/${unit}`).find((p) => fs.stat(p)?.type === "file");
  const byName = new Map<string, string>();
  for (const dir of [...UNIT_DIRS].reverse()) {
    const names = fs.readdir(`${dir}/${unit}.d`);
    if (!Array.isArray(names)) continue;
    for (const name of names) if (name.endsWith(".conf") && fs.stat(`${dir}/${unit}.d/${name}`)?.type === "file") byName.set(name, `${dir}/${unit}.d/${name}`);
  }
  const dropIns = [...byName.keys()].sort().map((n) => byName.get(n) ?? "");
  return { fragment, dropIns };
}

/** The texts of a unit's sources, fragment first: what `daemon-reload` loads and `systemctl cat` prints. */
export function sourceTexts(fs: Vfs, sources: UnitSources): [string, string][] {
  const paths = [...(sources.fragment ? [sources.fragment] : []), ...sources.dropIns];
  return paths.map((p) => [p, fs.readFile(p) ?? ""]);
}

export interface EnvironmentFile {
  readonly path: string;
  /** a leading `-`: a missing file is no error */
  readonly optional: boolean;
}

export interface UnitConfig {
  readonly description?: string;
  readonly documentation: readonly string[];
  readonly type: string;
  readonly execStartPre: readonly string[];
  readonly execStart: readonly string[];
  readonly environment: readonly (readonly [string, string])[];
  readonly environmentFiles: readonly EnvironmentFile[];
  readonly restart: string;
  readonly restartSecMs: number;
  readonly wantedBy: readonly string[];
}

/** Logical lines of one file, `\` continuations joined, comments dropped, as [section, key, value]. */
function settings(text: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  let section = "";
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = pending + raw.trim();
    if (!pending && (line.startsWith("#") || line.startsWith(";"))) continue;
    if (line.endsWith("\\")) {
      pending = line.slice(0, -1) + " ";
      continue;
    }
    pending = "";
    if (line.startsWith("[") && line.endsWith("]")) {
      section = line.slice(1, -1);
      continue;
    }
    const eq = line.indexOf("=");
    if (eq > 0) out.push([section, line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return out;
}

/** Words of a value, honouring double and single quotes, as systemd's extract_first_word does. */
export function splitQuoted(value: string): string[] {
  const words: string[] = [];
  let word = "";
  let quote = "";
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = "";
      else if (c === "\\" && quote === '"' && i + 1 < value.length) word += value[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === " " || c === "\t") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function durationMs(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|min|m|h)?$/.exec(value);
  if (!m) return 100;
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return Math.round(n * (unit === "ms" ? 1 : unit === "min" || unit === "m" ? 60_000 : unit === "h" ? 3_600_000 : 1000));
}

/** The settings of a fragment and its drop-ins, later files overriding earlier ones. */
export function parseUnit(texts: readonly (readonly [string, string])[]): UnitConfig {
  let description: string | undefined;
  let documentation: string[] = [];
  let type = "simple";
  let execStartPre: string[] = [];
  let execStart: string[] = [];
  let environment: [string, string][] = [];
  let environmentFiles: EnvironmentFile[] = [];
  let restart = "no";
  let restartSecMs = 100;
  let wantedBy: string[] = [];
  for (const [, text] of texts) {
    for (const [section, key, value] of settings(text)) {
      const id = `${section}.${key}`;
      if (id === "Unit.Description") description = value;
      else if (id === "Unit.Documentation") documentation = value === "" ? [] : [...documentation, ...splitQuoted(value)];
      else if (id === "Service.Type") type = value;
      else if (id === "Service.ExecStartPre") execStartPre = value === "" ? [] : [...execStartPre, value];
      else if (id === "Service.ExecStart") execStart = value === "" ? [] : [...execStart, value];
      else if (id === "Service.Environment") {
        if (value === "") environment = [];
        for (const a of splitQuoted(value)) {
          const eq = a.indexOf("=");
          if (eq > 0) environment.push([a.slice(0, eq), a.slice(eq + 1)]);
        }
      } else if (id === "Service.EnvironmentFile") {
        if (value === "") environmentFiles = [];
        else environmentFiles.push({ path: value.replace(/^-/, ""), optional: value.startsWith("-") });
      } else if (id === "Service.Restart") restart = value;
      else if (id === "Service.RestartSec") restartSecMs = durationMs(value);
      else if (id === "Install.WantedBy") wantedBy = value === "" ? [] : [...wantedBy, ...splitQuoted(value)];
    }
  }
  return { description, documentation, type, execStartPre, execStart, environment, environmentFiles, restart, restartSecMs, wantedBy };
}

/** Why systemd refuses to load the unit (its "bad-setting" message), or undefined. */
export function badSetting(config: UnitConfig): string | undefined {
  if (config.execStart.length === 0) return "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.";
  if (config.execStart.length > 1 && config.type !== "oneshot") return "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.";
  return undefined;
}

/** An environment file's assignments (`KEY=value`, optionally quoted; `#` and `;` start comments). */
export function parseEnvFile(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    out.push([key, splitQuoted(value).join(" ")]);
  }
  return out;
}

export interface ExpandedCommand {
  /** the command line without its `-`/`@`/`+` prefixes, split into words */
  readonly argv: readonly string[];
  /** variables referenced but unset, which systemd warns about */
  readonly unset: readonly string[];
}

/**
 * A command line with the environment put in: `$VAR` alone is split into words (and
 * vanishes when empty), `${VAR}` keeps its word whole.
 */
export function expandCommand(line: string, env: ReadonlyMap<string, string>): ExpandedCommand {
  const unset: string[] = [];
  const lookup = (name: string) => {
    const v = env.get(name);
    if (v === undefined && !unset.includes(name)) unset.push(name);
    return v ?? "";
  };
  const argv: string[] = [];
  for (const word of splitQuoted(line.replace(/^[-@+!:]+/, ""))) {
    const alone = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word);
    if (alone) {
      argv.push(...lookup(alone[1]).split(/\s+/).filter(Boolean));
      continue;
    }
    argv.push(word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => lookup(name)));
  }
  return { argv, unset };
}
