/**
 * Help texts in kubectl's templater layout: `kubectl`, `kubectl <verb> --help`,
 * `kubectl options`. Everything comes from the command specs.
 */
import type { CommandSpec, HelpGroup } from "./command";
import type { FlagSpec } from "./flags";

const GROUP_ORDER: readonly HelpGroup[] = [
  "Basic Commands (Beginner)",
  "Basic Commands (Intermediate)",
  "Deploy Commands",
  "Cluster Management Commands",
  "Troubleshooting and Debugging Commands",
  "Advanced Commands",
  "Settings Commands",
  "Other Commands",
];

function defaultText(f: FlagSpec): string {
  const d = f.default;
  if (f.type === "bool") return String(d ?? false);
  if (f.type === "int") return String(d ?? 0);
  if (f.type === "stringArray" || f.type === "stringSlice") return `[${((d as string[] | undefined) ?? []).join(",")}]`;
  if (f.type === "duration") return String(d ?? "0s");
  return `'${String(d ?? "")}'`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

export function flagUsages(flags: readonly FlagSpec[]): string {
  return [...flags]
    .filter((f) => !f.hidden)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f) => {
      const head = f.short ? `    -${f.short}, --${f.name}=${defaultText(f)}:` : `    --${f.name}=${defaultText(f)}:`;
      return [head, ...wrap(f.usage, 110).map((l) => `\t${l}`)].join("\n");
    })
    .join("\n\n");
}

function indentBlock(text: string): string {
  return text
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");
}

export function commandHelp(cmd: CommandSpec, path: string): string {
  const parts: string[] = [];
  parts.push((cmd.long ?? cmd.short).trimEnd());
  if (cmd.subcommands?.length) {
    const rows = cmd.subcommands.map((s) => `  ${s.name.padEnd(20)} ${s.short}`);
    parts.push(`Available Commands:\n${rows.join("\n")}`);
  }
  if (cmd.example) parts.push(`Examples:\n${indentBlock(cmd.example.trim())}`);
  if (cmd.flags?.length) parts.push(`Options:\n${flagUsages(cmd.flags)}`);
  parts.push(`Usage:\n  ${path} ${cmd.use}`.trimEnd());
  const footer = cmd.subcommands?.length
    ? `Use "${path} <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).`
    : `Use "kubectl options" for a list of global command-line options (applies to all commands).`;
  parts.push(footer);
  return parts.join("\n\n") + "\n";
}

export function rootHelp(commands: readonly CommandSpec[]): string {
  const parts = ["kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/"];
  for (const g of GROUP_ORDER) {
    const cmds = commands.filter((c) => c.group === g);
    if (cmds.length) parts.push(`${g}:\n${cmds.map((c) => `  ${c.name.padEnd(15)} ${c.short}`).join("\n")}`);
  }
  parts.push("Usage:\n  kubectl [flags] [options]");
  parts.push('Use "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).');
  return parts.join("\n\n") + "\n";
}
