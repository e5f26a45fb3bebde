import { describe, expect, it } from "vitest";
import { withoutClockReadings } from "./clock-readings";
import { Workspace } from "./workspace";

const quiet = { stdout: () => undefined, stderr: () => undefined };

/** A running nginx pod; then a file written on the control plane node wakes its kubelet, which runs the node's containers on. */
async function wokenNode(): Promise<Workspace> {
  const ws = Workspace.create({ startTime: Date.UTC(2026, 0, 27, 10), seed: 3 });
  await ws.run("kubectl run web --image=nginx:1.27", quiet);
  ws.advance(60_000);
  await ws.run("echo hello > /root/x", quiet);
  return ws;
}

describe("withoutClockReadings", () => {
  it("leaves out how far running containers have run, which time alone moves", async () => {
    const ws = await wokenNode();
    const before = ws.snapshot();
    ws.advance(3_000);
    const after = ws.snapshot();
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    expect(withoutClockReadings(after)).toEqual(withoutClockReadings(before));
  });

  it("loses nothing: the older snapshot, restored and advanced as far, is the newer one", async () => {
    const ws = await wokenNode();
    const older = ws.snapshot();
    ws.advance(3_000);
    const restored = Workspace.restore(older);
    restored.advance(3_000);
    expect(restored.snapshot()).toEqual(ws.snapshot());
  });

  it("keeps an exited container's clock, the time it exited", async () => {
    const ws = Workspace.create({ startTime: Date.UTC(2026, 0, 27, 10), seed: 3 });
    await ws.run("kubectl run once --image=busybox:1.36 --restart=Never -- sh -c 'exit 3'", quiet);
    ws.advance(60_000);
    const containers = Object.values(withoutClockReadings(ws.snapshot()).clusters[0].runtime.containers) as { config: { podName: string }; clock: number }[];
    expect(containers.find((c) => c.config.podName === "once")?.clock).toBeGreaterThan(Date.UTC(2026, 0, 27, 10));
    expect(containers.filter((c) => c.config.podName !== "once").every((c) => c.clock === 0)).toBe(true);
  });

  it("takes each cluster's now out and changes nothing in the snapshot it is given", async () => {
    const ws = await wokenNode();
    const snapshot = ws.snapshot();
    const copy = structuredClone(snapshot);
    expect(withoutClockReadings(snapshot).clusters.map((c) => c.clock.now)).toEqual([0]);
    expect(snapshot).toEqual(copy);
  });

  it("gives the same copy of a container the snapshot view has not changed, and a new one of one it has", async () => {
    const ws = await wokenNode();
    const containers = () => withoutClockReadings(ws.snapshot({ view: true })).clusters[0].runtime.containers;
    const before = containers();
    const after = containers();
    expect(Object.keys(after).every((id) => after[id] === before[id])).toBe(true);
    await ws.run("kubectl exec web -- touch /tmp/made", quiet);
    const web = Object.keys(before).find((id) => (before[id] as { config: { podName: string } }).config.podName === "web")!;
    expect(containers()[web]).not.toBe(before[web]);
  });
});
