/**
 * `systemctl status UNIT` as systemd 255 prints it (src/systemctl/systemctl-show.c
 * print_status_info): the state dot, the labelled lines right-aligned on their colons, the
 * drop-in tree, the processes that exited, resource use, the control group, and the unit's
 * last journal lines.
 */
import { statusName } from "./journal";
import { relativeAgo, systemdTimestamp, timespan } from "./time-format";
import type { UnitView } from "./unit-view";

const TREE_LAST = "└─";
const INDENT = " ".repeat(13);

const label = (name: string, value: string) => `${name.padStart(11)}: ${value}`;

export function stateDot(view: UnitView): string {
  if (view.active === "failed") return "×";
  return view.active === "inactive" ? "○" : "●";
}

function loadedLine(view: UnitView): string {
  switch (view.load) {
    case "not-found":
      return "not-found (Reason: Unit " + view.name + " not found.)";
    case "masked":
      return `masked (Reason: Unit ${view.name} is masked.)`;
    case "bad-setting":
      return `bad-setting (Reason: Unit ${view.name} has a bad unit file setting.)`;
    case "loaded":
      return `loaded (${view.fragment}; ${view.enablement}; preset: enabled)`;
  }
}

/** Drop-in directories each followed by their files, as systemd groups them. */
function dropInLines(paths: readonly string[]): string[] {
  const groups: [string, string[]][] = [];
  for (const p of paths) {
    const dir = p.slice(0, p.lastIndexOf("/"));
    const file = p.slice(p.lastIndexOf("/") + 1);
    const last = groups[groups.length - 1];
    if (last && last[0] === dir) last[1].push(file);
    else groups.push([dir, [file]]);
  }
  return groups.flatMap(([dir, files], i) => [i === 0 ? label("Drop-In", dir) : INDENT + dir, `${INDENT}${TREE_LAST}${files.join(", ")}`]);
}

function activeLine(view: UnitView, now: number): string {
  const sub = view.active === view.sub ? view.active : `${view.active} (${view.sub})`;
  const result = view.result ? ` (Result: ${view.result})` : "";
  const since = view.since === undefined ? "" : ` since ${systemdTimestamp(view.since)}; ${relativeAgo(view.since, now)}`;
  return label("Active", `${sub}${result}${since}`);
}

const exitText = (status: number) => `code=exited, status=${status}/${statusName(status)}`;

/** The figures of a running unit's control group; steady values a node of this size shows. */
function resourceLines(view: UnitView): string[] {
  if (!view.running) return view.cpuMs === undefined ? [] : [label("CPU", timespan(view.cpuMs))];
  const kubelet = view.name === "kubelet.service";
  const salt = view.running.pid % 10;
  const tasks = kubelet ? `${13 + (salt % 4)} (limit: 4607)` : `${9 + (salt % 3)}`;
  const memory = kubelet ? `${(44.2 + salt * 0.7).toFixed(1)}M (peak: ${(51.6 + salt * 0.7).toFixed(1)}M)` : `${(36.1 + salt * 0.4).toFixed(1)}M (peak: ${(62.8 + salt * 0.4).toFixed(1)}M)`;
  return [label("Tasks", tasks), label("Memory", memory), label("CPU", timespan(view.cpuMs ?? 0))];
}

export function renderStatus(view: UnitView, now: number, journal: readonly string[]): string {
  const lines: string[] = [];
  const desc = view.load === "masked" || view.load === "not-found" ? "" : ` - ${view.config.description ?? view.name}`;
  lines.push(`${stateDot(view)} ${view.name}${desc}`);
  lines.push(label("Loaded", loadedLine(view)));
  if (view.dropIns.length) lines.push(...dropInLines(view.dropIns));
  lines.push(activeLine(view, now));
  if (view.duration !== undefined) lines.push(label("Duration", timespan(view.duration)));
  view.config.documentation.forEach((d, i) => lines.push(i === 0 ? label("Docs", d) : INDENT + d));
  for (const p of view.exited) lines.push(label("Process", `${p.pid} ${p.kind}=${p.command} (${exitText(p.status)})`));
  if (view.mainPid !== undefined) {
    const comm = view.running ? (view.running.argv[0] ?? view.config.execStart[0] ?? "").split(" ")[0].split("/").pop() : undefined;
    lines.push(label("Main PID", `${view.mainPid} (${view.mainExit === undefined ? comm : exitText(view.mainExit)})`));
  }
  lines.push(...resourceLines(view));
  if (view.running && view.running.argv.length) {
    lines.push(label("CGroup", `/system.slice/${view.name}`));
    lines.push(`${INDENT}${TREE_LAST}${view.running.pid} ${view.running.argv.join(" ")}`);
  }
  const body = lines.join("\n") + "\n";
  return journal.length ? `${body}\n${journal.join("\n")}\n` : body;
}

/** systemctl's warning when the unit's files changed since they were loaded. */
export function changedOnDiskWarning(unit: string): string {
  return `Warning: The unit file, source configuration file or drop-ins of ${unit} changed on disk. Run 'systemctl daemon-reload' to reload units.\n`;
}
