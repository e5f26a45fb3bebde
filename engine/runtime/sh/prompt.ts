/**
 * PS1 of an interactive shell run as root. BusyBox ash defaults to `\w \$ `, dash to `# `;
 * bash in the Debian-based images reads /etc/bash.bashrc, which sets `\u@\h:\w\$ `. A PS1
 * the learner sets is expanded with the same escapes.
 */
import type { ProcState } from "./process-state";

const DEFAULT_PS1 = { ash: "\\w \\$ ", dash: "# ", bash: "\\u@\\h:\\w\\$ " } as const;

/** `\w`: the working directory with $HOME shown as `~`. */
function workingDir(p: ProcState): string {
  const home = p.vars.HOME;
  if (home && home !== "/" && (p.cwd === home || p.cwd.startsWith(home + "/"))) return "~" + p.cwd.slice(home.length);
  return p.cwd;
}

export function shellPrompt(p: ProcState, hostname: string): string {
  const ps1 = p.vars.PS1 ?? DEFAULT_PS1[p.flavour];
  return ps1.replace(/\\([wWuh$])/g, (_, e: string) => {
    if (e === "w") return workingDir(p);
    if (e === "W") return p.cwd === "/" ? "/" : (workingDir(p).split("/").pop() ?? "");
    if (e === "u") return "root";
    if (e === "h") return hostname.split(".")[0];
    return "#";
  });
}
