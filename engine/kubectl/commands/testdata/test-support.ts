/**
 * Test support: a default test workspace whose base host already holds some files, put
 * there through a snapshot so the tests need no shell.
 */
import type { VfsEntry } from "../../../shell/vfs";
import { testWorkspace } from "../../../testing";
import { Workspace } from "../../../workspace";

export function workspaceWithFiles(files: Readonly<Record<string, string>>): Workspace {
  const snap = testWorkspace().snapshot();
  const base = snap.hosts.controlplane;
  const entries: Record<string, VfsEntry> = { ...base.entries };
  for (const [path, content] of Object.entries(files)) {
    const dirs = path.split("/").slice(1, -1);
    for (let i = 1; i <= dirs.length; i++) {
      const dir = `/${dirs.slice(0, i).join("/")}`;
      entries[dir] ??= { type: "dir", mode: 0o755, mtime: 0 };
    }
    entries[path] = { type: "file", mode: 0o644, mtime: 0, content };
  }
  return Workspace.restore({ ...snap, hosts: { ...snap.hosts, controlplane: { entries } } });
}
