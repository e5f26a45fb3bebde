import { describe, expect, it } from "vitest";
import type { ProcessStep } from "../../runtime/types";
import { FakeRuntime } from "./testing/fake-runtime";
import { KubeletScenario } from "./testing/scenario";

/** Counts the processes run forward, by container name. */
class CountingRuntime extends FakeRuntime {
  readonly steps = new Map<string, number>();

  override step(id: string, now: number): ProcessStep {
    const name = this.containers.get(id)?.config.podName ?? id;
    this.steps.set(name, (this.steps.get(name) ?? 0) + 1);
    return super.step(id, now);
  }
}

async function running(names: readonly string[]): Promise<{ s: KubeletScenario; runtime: CountingRuntime }> {
  const runtime = new CountingRuntime();
  runtime.preload("node01", "nginx:1.27");
  const s = new KubeletScenario(runtime);
  for (const name of names) await s.kubectl(`run ${name} --image=nginx:1.27`);
  s.advance(3000);
  for (const name of names) expect(await s.row(name)).toMatch(/1\/1 +Running/);
  return { s, runtime };
}

describe("the kubelet's reconcile", () => {
  it("at one instant syncs only the pods that were written", async () => {
    const { s, runtime } = await running(["p0", "p1", "p2", "p3"]);
    runtime.steps.clear();
    await s.kubectl("label pod p2 tier=web");
    expect([...runtime.steps.keys()]).toEqual(["p2"]);
  });

  it("relists every running container once when time has moved on", async () => {
    const { s, runtime } = await running(["p0", "p1", "p2"]);
    runtime.steps.clear();
    s.advance(5000);
    expect([...runtime.steps.keys()]).toEqual(expect.arrayContaining(["p0", "p1", "p2"]));
    expect(new Set(runtime.steps.values())).toEqual(new Set([1]));
  });

  it("notices a container that stopped when no wake-up foresaw it (a kill through exec)", async () => {
    const { s, runtime } = await running(["web"]);
    const container = [...runtime.containers.values()].find((c) => c.config.podName === "web");
    if (!container) throw new Error("web has no container");
    container.end = { exitCode: 137, reason: "Error", at: s.now() };
    s.advance(2000);
    expect(await s.jsonpath("web", "{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.exitCode}")).toBe("1 137");
  });
});
