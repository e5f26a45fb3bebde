/**
 * Test helpers: a fresh default workspace at a fixed time and seed, and runners that
 * capture stdout, stderr and the exit status.
 */
import { expect } from "vitest";
import type { Terminal } from "./shell/terminal";
import type { VfsEntry } from "./shell/vfs";
import { Workspace } from "./workspace";

/** 2026-01-27T10:00:00Z, a Tuesday: a fixed "now" so ages and timestamps are exact. */
export const TEST_START = Date.UTC(2026, 0, 27, 10, 0, 0);

export interface Transcript {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export function testWorkspace(seed = 1): Workspace {
  return Workspace.create({ startTime: TEST_START, seed });
}

/** Runs one kubectl command line split on spaces (use `kubectlArgs` for quoted arguments). */
export function kubectlLine(ws: Workspace, line: string, stdin = ""): Promise<Transcript> {
  return kubectlArgs(ws, line.split(" ").filter(Boolean).slice(line.startsWith("kubectl ") ? 1 : 0), stdin);
}

export async function kubectlArgs(ws: Workspace, argv: readonly string[], stdin = ""): Promise<Transcript> {
  let stdout = "";
  let stderr = "";
  const status = await ws.kubectl(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, stdin);
  return { stdout, stderr, status };
}

/** Runs shell text through the learner's shell. */
export async function shell(ws: Workspace, text: string): Promise<Transcript> {
  let stdout = "";
  let stderr = "";
  const status = await ws.run(text, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { stdout, stderr, status };
}

/** A test workspace whose base host already holds `files` (absolute path → content). */
/** Runs shell text on `host` (as `ssh host` would) and comes back, collecting what it wrote. */
export async function onHost(ws: Workspace, host: string, text: string): Promise<Transcript> {
  let stdout = "";
  let stderr = "";
  const status = await ws.runOn(host, text, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { stdout, stderr, status };
}

export function workspaceWithFiles(files: Readonly<Record<string, string>>): Workspace {
  const snap = testWorkspace().snapshot();
  const entries: Record<string, VfsEntry> = { ...snap.hosts.controlplane.entries };
  for (const [path, content] of Object.entries(files)) {
    const dirs = path.split("/").slice(1, -1);
    for (let i = 1; i <= dirs.length; i++) entries[`/${dirs.slice(0, i).join("/")}`] ??= { type: "dir", mode: 0o755, mtime: 0 };
    entries[path] = { type: "file", mode: 0o644, mtime: 0, content };
  }
  return Workspace.restore({ ...snap, hosts: { ...snap.hosts, controlplane: { entries } } });
}

/**
 * Runs `line` at a terminal where the learner then types `keys` (lines, `^D`, `^C`) into
 * whatever reads it. `screen` is what the terminal shows: output, prompts, typed keys.
 * Reading past the last key fails the test, as a session that never ends would.
 */
export async function atTerminal(ws: Workspace, line: string, keys: readonly string[]): Promise<Transcript & { screen: string }> {
  let stdout = "";
  let stderr = "";
  let screen = "";
  const left = [...keys];
  const terminal: Terminal = {
    read: async (prompt) => {
      const key = left.shift();
      if (key === undefined) throw new Error(`read past the typed keys at prompt ${JSON.stringify(prompt)}; screen so far:\n${screen}`);
      screen += `${prompt}${key}\n`;
      return key === "^D" ? { kind: "eof" } : key === "^C" ? { kind: "interrupt" } : { kind: "line", text: key };
    },
  };
  const status = await ws.run(line, { stdout: (s) => ((stdout += s), (screen += s)), stderr: (s) => ((stderr += s), (screen += s)) }, { terminal });
  if (left.length) throw new Error(`keys left unread: ${JSON.stringify(left)}; screen:\n${screen}`);
  return { stdout, stderr, status, screen };
}

/**
 * Compares `actual` with the golden file `testdata/<name>` beside the calling test (vitest
 * reads it; `npx vitest run -u` rewrites it, and a rewritten file must then be read
 * against what real kubectl prints).
 */
export function expectGolden(name: string, actual: string): Promise<void> {
  return expect(actual).toMatchFileSnapshot(`./testdata/${name}`);
}
