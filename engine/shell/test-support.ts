import type { Program } from "./program";
import { Shell, type RunOptions, type ShellHost } from "./shell";
import { newShellState } from "./shell-state";
import { Vfs, newHostFs } from "./vfs";

/** 2026-11-24T08:04:59Z, a Tuesday: the virtual clock tests start at. */
export const TEST_EPOCH = Date.UTC(2026, 10, 24, 8, 4, 59);

/** A completion script shaped like kubectl's (cobra v2): functions, `local`, `[[ ]]`, `complete`. */
const COMPLETION = `# bash completion V2 for kubectl                              -*- shell-script -*-

__kubectl_debug()
{
    if [[ -n \${BASH_COMP_DEBUG_FILE-} ]]; then
        echo "$*" >> "\${BASH_COMP_DEBUG_FILE}"
    fi
}

__start_kubectl()
{
    local cur prev words cword split
    COMPREPLY=()
    __kubectl_debug "========= starting completion logic =========="
}

if [[ $(type -t compopt) = "builtin" ]]; then
    complete -o default -F __start_kubectl kubectl
else
    complete -o default -o nospace -F __start_kubectl kubectl
fi

# ex: ts=4 sw=4 et filetype=sh
`;

/** Stands in for kubectl: prints its argv, and its stdin when given `-f -`. */
export const fakeKubectl: Program = async (ctx) => {
  if (ctx.argv[1] === "completion") {
    ctx.stdout(COMPLETION);
    return 0;
  }
  if (ctx.argv[1] === "fail") {
    ctx.stderr("error: the server doesn't have a resource type \"fail\"\n");
    return 1;
  }
  ctx.stdout(`argv: ${ctx.argv.join(" ")}\n`);
  const f = ctx.argv.indexOf("-f");
  if (f > 0 && ctx.argv[f + 1] === "-") ctx.stdout(`stdin: ${ctx.stdin}`);
  return 0;
};

export interface FakeWorld {
  host: ShellHost;
  fs: Record<string, Vfs>;
  /** Virtual milliseconds slept so far. */
  slept: number;
  clock: { now: number };
}

/** A controlplane plus node01 with default trees, fakeKubectl, and a virtual clock that sleep advances. */
export function fakeWorld(programs: Record<string, Program> = { kubectl: fakeKubectl }): FakeWorld {
  const clock = { now: TEST_EPOCH };
  const fs: Record<string, Vfs> = {};
  for (const h of ["controlplane", "node01"]) fs[h] = new Vfs(newHostFs(h, TEST_EPOCH), () => clock.now);
  const world: FakeWorld = {
    fs,
    slept: 0,
    clock,
    host: {
      fs: (h) => fs[h],
      hosts: () => Object.keys(fs),
      programs,
      sleep: async (ms) => {
        world.slept += ms;
        clock.now += ms;
      },
      now: () => clock.now,
    },
  };
  return world;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs text in a shell and collects what it printed. */
export async function runIn(shell: Shell, text: string, opts: RunOptions = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const status = await shell.run(text, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, opts);
  return { stdout, stderr, status };
}

/** A new shell on controlplane in a fresh fake world. */
export function newTestShell(world = fakeWorld()): Shell {
  return new Shell(newShellState(), world.host);
}
