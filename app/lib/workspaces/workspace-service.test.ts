import { describe, expect, it } from "vitest";
import { Workspace } from "../../../engine/index";
import type { SavedWorkspace, WorkspaceRepository } from "./repository";
import { WorkspaceConflict, WorkspaceService } from "./workspace-service";

const START = Date.UTC(2026, 0, 27, 10, 0, 0);

/** The database as the service sees it, in memory. */
class MemoryRepo implements WorkspaceRepository {
  readonly rows = new Map<string, SavedWorkspace & { userId: string; key: string }>();
  inserts = 0;
  saves = 0;
  constructor(private readonly clock: { now: number }) {}
  async load(userId: string, key: string) {
    return [...this.rows.values()].find((r) => r.userId === userId && r.key === key);
  }
  async insert(userId: string, key: string, snapshot: unknown) {
    this.inserts++;
    const row = { id: `w${this.rows.size + 1}`, userId, key, snapshot: structuredClone(snapshot), version: 0, savedAt: this.clock.now };
    this.rows.set(row.id, row);
    return row;
  }
  async save(userId: string, id: string, version: number, json: string) {
    const row = this.rows.get(id);
    if (!row || row.userId !== userId || row.version !== version) return "conflict" as const;
    this.saves++;
    this.rows.set(id, { ...row, snapshot: JSON.parse(json), version: version + 1, savedAt: this.clock.now });
    return version + 1;
  }
  async remove(userId: string, key: string) {
    for (const [id, r] of this.rows) if (r.userId === userId && r.key === key) this.rows.delete(id);
  }
}

function world(opts: { capacity?: number; maxCatchUpMs?: number } = {}) {
  const clock = { now: 1_000_000 };
  const repo = new MemoryRepo(clock);
  const service = () => new WorkspaceService({ repo, now: () => clock.now, capacity: opts.capacity ?? 10, maxCatchUpMs: opts.maxCatchUpMs ?? 3_600_000 });
  const create = async () => Workspace.create({ startTime: START, seed: 1 });
  return { clock, repo, service, create };
}

async function run(svc: WorkspaceService, user: string, key: string, create: () => Promise<Workspace>, line: string): Promise<string> {
  return svc.use(user, key, create, async (ws) => {
    let out = "";
    await ws.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
    return out;
  });
}

describe("WorkspaceService", () => {
  it("creates a workspace on first use and lets wall-clock time pass in it between uses", async () => {
    const { clock, repo, service, create } = world();
    const svc = service();
    expect(await run(svc, "u1", "lesson:a", create, "kubectl run web --image=nginx:1.27")).toBe("pod/web created\n");
    expect(repo.inserts).toBe(1);
    clock.now += 30_000;
    expect(await run(svc, "u1", "lesson:a", create, "kubectl get pod web --no-headers")).toMatch(/^web\s+1\/1\s+Running\s+0\s+30s\n$/);
  });

  it("survives a restart: the same pods, files, history and virtual time", async () => {
    const { clock, service, create } = world();
    await run(service(), "u1", "lesson:a", create, "kubectl run web --image=nginx:1.27; echo hi > /root/note");
    clock.now += 60_000;
    const fresh = service();
    expect(await run(fresh, "u1", "lesson:a", create, "cat /root/note; kubectl get pods --no-headers; history | tail -2")).toMatch(
      /^hi\nweb\s+1\/1\s+Running\s+0\s+60s\n\s+1\s+kubectl run web --image=nginx:1.27; echo hi > \/root\/note\n\s+2\s+cat \/root\/note/,
    );
  });

  it("keeps users apart: the same lesson key is a different cluster per user", async () => {
    const { service, create } = world();
    const svc = service();
    await run(svc, "u1", "lesson:a", create, "kubectl run mine --image=nginx:1.27");
    expect(await run(svc, "u2", "lesson:a", create, "kubectl get pods")).toBe("No resources found in default namespace.\n");
  });

  it("runs one use at a time per workspace, in the order they came", async () => {
    const { service, create } = world();
    const svc = service();
    const order: string[] = [];
    await Promise.all(
      ["a", "b", "c"].map((name) =>
        svc.use("u1", "lesson:a", create, async (ws) => {
          order.push(`start ${name}`);
          await ws.run(`kubectl run ${name} --image=nginx:1.27`, { stdout: () => undefined, stderr: () => undefined });
          order.push(`end ${name}`);
        }),
      ),
    );
    expect(order).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("refuses a save over a version another instance wrote, then reloads", async () => {
    const { service, create } = world();
    const one = service();
    const two = service();
    await run(one, "u1", "lesson:a", create, "kubectl run a --image=nginx:1.27");
    await run(two, "u1", "lesson:a", create, "kubectl run b --image=nginx:1.27");
    await expect(run(one, "u1", "lesson:a", create, "kubectl run c --image=nginx:1.27")).rejects.toBeInstanceOf(WorkspaceConflict);
    expect(await run(one, "u1", "lesson:a", create, "kubectl get pods -o name")).toBe("pod/a\npod/b\n");
  });

  it("evicts the least recently used workspace from memory without losing it", async () => {
    const { service, create } = world({ capacity: 1 });
    const svc = service();
    await run(svc, "u1", "lesson:a", create, "kubectl run in-a --image=nginx:1.27");
    await run(svc, "u1", "lesson:b", create, "kubectl run in-b --image=nginx:1.27");
    expect(await run(svc, "u1", "lesson:a", create, "kubectl get pods -o name")).toBe("pod/in-a\n");
  });

  it("caps the time that passes while a learner is away", async () => {
    const { clock, service, create } = world({ maxCatchUpMs: 3_600_000 });
    const svc = service();
    const before = await svc.use("u1", "lesson:a", create, async (ws) => ws.now());
    clock.now += 7 * 24 * 3_600_000;
    expect(await svc.use("u1", "lesson:a", create, async (ws) => ws.now())).toBe(before + 3_600_000);
  });

  it("fast-forwards and resets", async () => {
    const { service, create } = world();
    const svc = service();
    const t0 = await svc.use("u1", "lesson:a", create, async (ws) => ws.now());
    expect(await svc.fastForward("u1", "lesson:a", create, 300_000)).toBe(t0 + 300_000);
    await run(svc, "u1", "lesson:a", create, "kubectl run web --image=nginx:1.27");
    await svc.reset("u1", "lesson:a");
    expect(await run(svc, "u1", "lesson:a", create, "kubectl get pods")).toBe("No resources found in default namespace.\n");
  });
});
