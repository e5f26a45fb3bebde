import { describe, expect, it } from "vitest";
import { Workspace } from "../../../engine/index";
import { changedFiles, sameState, savedParts } from "./saved-parts";

const quiet = { stdout: () => undefined, stderr: () => undefined };

/** A cluster with a running nginx pod, settled: from here on, time alone changes nothing in it. */
async function settled(): Promise<Workspace> {
  const ws = Workspace.create({ startTime: Date.UTC(2026, 0, 27, 10), seed: 3 });
  await ws.run("kubectl run web --image=nginx:1.27", quiet);
  ws.advance(60_000);
  return ws;
}

describe("savedParts", () => {
  it("leaves time passing out: an hour later both parts are the same", async () => {
    const ws = await settled();
    const before = savedParts(ws.snapshot());
    ws.advance(3_600_000);
    expect(savedParts(ws.snapshot())).toEqual(before);
  });

  it("leaves out the containers' runs a woken kubelet moves on: a node file written, then time passing, is one change", async () => {
    const ws = await settled();
    await ws.run("echo hello > /root/x", quiet);
    const before = savedParts(ws.snapshot());
    ws.advance(3_000);
    expect(savedParts(ws.snapshot())).toEqual(before);
  });

  it.each([
    ["kubectl get pods", { state: false, files: [], shell: true }],
    ["kubectl describe pod web", { state: false, files: [], shell: true }],
    ["cd /tmp", { state: false, files: [], shell: true }],
    ["echo hello > /root/x", { state: false, files: ["controlplane"], shell: true }],
    ["ssh node02 touch /tmp/made; cp /etc/hostname /root/y", { state: false, files: ["controlplane", "node02"], shell: true }],
    ["kubectl label pod web tier=front", { state: true, files: [], shell: true }],
    ["kubectl exec web -- touch /tmp/made", { state: true, files: [], shell: true }],
  ])("`%s` changes %o", async (line, changed) => {
    const ws = await settled();
    const before = savedParts(ws.snapshot());
    await ws.run(line, quiet);
    const after = savedParts(ws.snapshot());
    expect({ state: !sameState(after, before), files: Object.keys(changedFiles(after, before) ?? { all: "" }).sort(), shell: after.shell !== before.shell }).toEqual(changed);
  });

  it("takes a host added or gone for a change of the whole, not of files", () => {
    const parts = (files: Record<string, string>) => ({ state: [], files, shell: "" });
    expect(changedFiles(parts({ a: "1", b: "2" }), parts({ a: "1" }))).toBeUndefined();
    expect(changedFiles(parts({ a: "1" }), parts({ a: "1", b: "2" }))).toBeUndefined();
    expect(changedFiles(parts({ a: "1", c: "2" }), parts({ a: "1", b: "2" }))).toBeUndefined();
    expect(changedFiles(parts({ a: "1", b: "3" }), parts({ a: "1", b: "2" }))).toEqual({ b: "3" });
  });
});
