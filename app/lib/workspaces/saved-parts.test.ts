import { describe, expect, it } from "vitest";
import { Workspace } from "../../../engine/index";
import { sameState, savedParts } from "./saved-parts";

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
    ["kubectl get pods", { state: false, shell: true }],
    ["kubectl describe pod web", { state: false, shell: true }],
    ["cd /tmp", { state: false, shell: true }],
    ["echo hello > /root/x", { state: true, shell: true }],
    ["kubectl label pod web tier=front", { state: true, shell: true }],
    ["kubectl exec web -- touch /tmp/made", { state: true, shell: true }],
  ])("`%s` changes %o", async (line, changed) => {
    const ws = await settled();
    const before = savedParts(ws.snapshot());
    await ws.run(line, quiet);
    const after = savedParts(ws.snapshot());
    expect({ state: !sameState(after, before), shell: after.shell !== before.shell }).toEqual(changed);
  });
});
