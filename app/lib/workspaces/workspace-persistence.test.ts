import { describe, expect, it } from "vitest";
import { Workspace } from "../../../engine/index";
import type { SavedWorkspace, WorkspaceRepository } from "./repository";
import { WorkspaceConflict, WorkspaceService } from "./workspace-service";

// What the service writes, and what survives a restart, with a database that can
// rewrite the shell and hosts' file systems of a snapshot alone and tell its version (as
// the app's repositories do).

type Row = SavedWorkspace & { userId: string; key: string; snapshot: Record<string, unknown> };

class PartsRepo implements WorkspaceRepository {
  readonly rows = new Map<string, Row>();
  readonly writes: string[] = [];
  constructor(private readonly clock: { now: number }) {}
  async load(userId: string, key: string) {
    const row = [...this.rows.values()].find((r) => r.userId === userId && r.key === key);
    return row && { ...row, snapshot: structuredClone(row.snapshot) };
  }
  async insert(userId: string, key: string, snapshot: unknown) {
    const row = { id: `w${this.rows.size + 1}`, userId, key, snapshot: structuredClone(snapshot) as Record<string, unknown>, version: 0, savedAt: this.clock.now };
    this.rows.set(row.id, row);
    return row;
  }
  async save(userId: string, id: string, version: number, json: string) {
    return this.write(userId, id, version, "whole", (row) => ({ ...row, snapshot: JSON.parse(json) as Record<string, unknown>, savedAt: this.clock.now }));
  }
  async saveShellAndFiles(userId: string, id: string, version: number, shell: string, files: Readonly<Record<string, string>>) {
    const hosts = Object.keys(files);
    return this.write(userId, id, version, hosts.length ? `shell, files of ${hosts.join(" ")}` : "shell", (row) => ({
      ...row,
      snapshot: {
        ...row.snapshot,
        shell: JSON.parse(shell),
        hosts: { ...(row.snapshot.hosts as object), ...Object.fromEntries(hosts.map((h) => [h, JSON.parse(files[h]!)])) },
      },
    }));
  }
  async version(userId: string, id: string) {
    const row = this.rows.get(id);
    return row?.userId === userId ? row.version : undefined;
  }
  async remove(userId: string, key: string) {
    for (const [id, r] of this.rows) if (r.userId === userId && r.key === key) this.rows.delete(id);
  }
  private write(userId: string, id: string, version: number, what: string, change: (row: Row) => Row): number | "conflict" {
    const row = this.rows.get(id);
    if (!row || row.userId !== userId || row.version !== version) return "conflict";
    this.writes.push(what);
    this.rows.set(id, { ...change(row), version: version + 1 });
    return version + 1;
  }
}

function world() {
  const clock = { now: 1_000_000 };
  const repo = new PartsRepo(clock);
  const service = () => new WorkspaceService({ repo, now: () => clock.now, capacity: 10, maxCatchUpMs: 3_600_000 });
  const create = async () => Workspace.create({ startTime: Date.UTC(2026, 0, 27, 10), seed: 1 });
  const run = (svc: WorkspaceService, line: string) =>
    svc.use("u1", "lesson:a", create, async (ws) => {
      let out = "";
      await ws.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
      return out;
    });
  return { clock, repo, service, create, run };
}

describe("WorkspaceService saving only what changed", () => {
  it("saves the shell alone after a command that only read, the files it wrote with it, and the whole snapshot after one that changed a cluster", async () => {
    const { clock, repo, service, run } = world();
    const svc = service();
    await run(svc, "kubectl run web --image=nginx:1.27");
    clock.now += 60_000;
    await run(svc, "kubectl get pods"); // the pod started meantime: that is a change
    clock.now += 5_000;
    await run(svc, "kubectl get nodes");
    clock.now += 5_000;
    await run(svc, "echo note > /root/note");
    clock.now += 5_000;
    await run(svc, "ssh node01 'echo a > /tmp/a'; echo b > /tmp/b");
    clock.now += 5_000;
    await run(svc, "kubectl label pod web tier=front");
    expect(repo.writes).toEqual(["whole", "whole", "shell", "shell, files of controlplane", "shell, files of controlplane node01", "whole"]);
  });

  it("writes nothing for a use that changed nothing, however much time passed", async () => {
    const { clock, repo, service, create, run } = world();
    const svc = service();
    await run(svc, "kubectl run web --image=nginx:1.27");
    clock.now += 60_000;
    await run(svc, "kubectl get pods");
    const writes = repo.writes.length;
    clock.now += 600_000;
    expect(await svc.use("u1", "lesson:a", create, async (ws) => ws.complete("kubectl get po", 14))).toBeDefined();
    expect(repo.writes.length).toBe(writes);
  });

  it("brings back after a restart the history and the time of commands that were saved as the shell alone", async () => {
    const { clock, service, run } = world();
    const before = service();
    await run(before, "kubectl run web --image=nginx:1.27; echo hi > /root/note");
    clock.now += 30_000;
    await run(before, "kubectl get pods --no-headers");
    await run(before, "cd /tmp");
    clock.now += 60_000;
    const after = service();
    expect(await run(after, "pwd; cat /root/note; kubectl get pod web --no-headers; history | tail -3")).toMatch(
      /^\/tmp\nhi\nweb\s+1\/1\s+Running\s+0\s+90s\n\s+2\s+kubectl get pods --no-headers\n\s+3\s+cd \/tmp\n\s+4\s+pwd/,
    );
  });

  it("brings back after a restart the files written by commands saved as the shell and files alone, on the time they were written", async () => {
    const { clock, repo, service, run } = world();
    const before = service();
    await run(before, "kubectl run web --image=nginx:1.27");
    clock.now += 30_000;
    await run(before, "true"); // the pod started meantime
    await run(before, "echo one > /root/a; ssh node01 'echo two > /root/b'");
    clock.now += 30_000;
    await run(before, "echo three >> /root/a");
    expect(repo.writes.slice(-2)).toEqual(["shell, files of controlplane node01", "shell, files of controlplane"]);
    clock.now += 60_000;
    const after = service();
    // written a minute after the cluster started; the pod is two minutes old
    expect(await run(after, "cat /root/a; ssh node01 cat /root/b; kubectl get pod web --no-headers; ls -l /root/a")).toBe(
      "one\nthree\ntwo\nweb   1/1   Running   0     2m\n-rw-r--r-- 1 root root 10 Jan 27 10:01 /root/a\n",
    );
  });

  it("saves a fast-forward, which time passing alone would not bring back", async () => {
    const { clock, service, create } = world();
    const svc = service();
    // a cluster new or just loaded still settles in its first second; after that only the clock moves
    const t0 = await svc.fastForward("u1", "lesson:a", create, 1_000);
    await svc.fastForward("u1", "lesson:a", create, 300_000);
    clock.now += 10_000;
    expect(await service().use("u1", "lesson:a", create, async (ws) => ws.now())).toBe(t0 + 310_000);
  });

  it("serves what another instance saved, instead of its own older copy", async () => {
    const { service, run } = world();
    const one = service();
    const two = service();
    await run(one, "kubectl run a --image=nginx:1.27");
    await run(two, "kubectl run b --image=nginx:1.27");
    expect(await run(one, "kubectl get pods -o name")).toBe("pod/a\npod/b\n");
  });

  it("refuses a shell save over a version another instance wrote meanwhile, then reloads", async () => {
    const { service, create, run } = world();
    const one = service();
    const two = service();
    await run(one, "kubectl run a --image=nginx:1.27");
    const late = one.use("u1", "lesson:a", create, async (ws) => {
      await run(two, "kubectl run b --image=nginx:1.27");
      await ws.run("kubectl get pods", { stdout: () => undefined, stderr: () => undefined });
    });
    await expect(late).rejects.toBeInstanceOf(WorkspaceConflict);
    expect(await run(one, "kubectl get pods -o name; history | tail -2")).toMatch(/^pod\/a\npod\/b\n\s+2\s+kubectl run b --image=nginx:1.27\n\s+3\s+kubectl get pods -o name/);
  });
});
