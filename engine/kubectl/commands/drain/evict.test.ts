import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../api/object";
import { resourceForKind } from "../../../api/resources";
import { ApiServer } from "../../../api/server";
import { Store } from "../../../api/store";
import { bootstrap, DEFAULT_CLUSTER } from "../../../bootstrap";
import type { EvictEnv, EvictOptions } from "./evict";
import { deleteOrEvictPods, errorText } from "./evict";

const START = Date.UTC(2026, 0, 27, 10);

/** A bootstrapped API server with no kubelet behind it: deleted pods stay Terminating, and sleeping only moves the clock. */
function bareCluster(): { env: EvictEnv; out: string[]; pods: KubeObject[] } {
  let now = START;
  const api = new ApiServer(new Store(), { now: () => now, random: { seed: 1 } });
  bootstrap(api, DEFAULT_CLUSTER);
  const podType = resourceForKind("Pod");
  if (!podType) throw new Error("no pods");
  const pods = ["a", "b"].map((name) => {
    const r = api.create(podType, "default", { metadata: { name }, spec: { nodeName: "node01", containers: [{ name: "app", image: "nginx" }] } });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.object;
  });
  const out: string[] = [];
  const env: EvictEnv = {
    api,
    out: (s) => out.push(s),
    sleep: async (ms) => {
      now += ms;
    },
    settle: () => undefined,
    signal: new AbortController().signal,
    headless: true,
  };
  return { env, out, pods };
}

const options = (o: Partial<EvictOptions> = {}): EvictOptions => ({ disableEviction: false, gracePeriodSeconds: -1, dryRun: "none", timeoutMs: 45_000, skipWaitForDeleteTimeoutSeconds: 0, ...o });

describe("deleteOrEvictPods", () => {
  it("gives up on each pod still there when --timeout runs out", async () => {
    const { env, out, pods } = bareCluster();
    const failed = await deleteOrEvictPods(env, pods, options());
    expect(out.join("")).toBe("evicting pod default/a\nevicting pod default/b\n");
    expect(failed).toEqual({
      aggregate: true,
      messages: [
        'error when waiting for pod "a" in namespace "default" to terminate: context deadline exceeded',
        'error when waiting for pod "b" in namespace "default" to terminate: context deadline exceeded',
      ],
    });
    expect(errorText(failed ?? { messages: [], aggregate: true })).toBe(
      '[error when waiting for pod "a" in namespace "default" to terminate: context deadline exceeded, error when waiting for pod "b" in namespace "default" to terminate: context deadline exceeded]',
    );
    expect(env.api.now() - START).toBe(45_000);
  });

  it("marks each pod it evicts as a disruption target and deletes it gracefully", async () => {
    const { env, pods } = bareCluster();
    await deleteOrEvictPods(env, pods.slice(0, 1), options({ timeoutMs: 1000 }));
    const a = env.api.store.get("pods", "default", "a");
    expect(a?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect((a?.status as { conditions: { type: string }[] }).conditions.find((c) => c.type === "DisruptionTarget")).toEqual({
      lastProbeTime: null,
      lastTransitionTime: "2026-01-27T10:00:00Z",
      message: "Eviction API: evicting",
      observedGeneration: 1,
      reason: "EvictionByEvictionAPI",
      status: "True",
      type: "DisruptionTarget",
    });
  });

  it("passes --grace-period on to the deletion", async () => {
    const { env, pods } = bareCluster();
    await deleteOrEvictPods(env, pods.slice(0, 1), options({ gracePeriodSeconds: 5, timeoutMs: 1000 }));
    expect(env.api.store.get("pods", "default", "a")?.metadata.deletionGracePeriodSeconds).toBe(5);
  });

  it("returns a single error, not an aggregate, when deleting without eviction", async () => {
    const { env, out, pods } = bareCluster();
    expect(await deleteOrEvictPods(env, pods, options({ disableEviction: true }))).toEqual({ aggregate: false, messages: ["context deadline exceeded"] });
    expect(out).toEqual([]);
  });

  it("stops waiting for pods deleted long enough ago with --skip-wait-for-delete-timeout", async () => {
    const { env, out, pods } = bareCluster();
    expect(await deleteOrEvictPods(env, pods.slice(0, 1), options({ skipWaitForDeleteTimeoutSeconds: 40, timeoutMs: 0 }))).toBeUndefined();
    expect(out.join("")).toBe('evicting pod default/a\npod "a" has DeletionTimestamp older than 40 seconds, skipping\n');
  });

  it("waits a virtual week at most when there is no timeout, without polling every second of it", async () => {
    const { env, pods } = bareCluster();
    const failed = await deleteOrEvictPods(env, pods.slice(0, 1), options({ timeoutMs: 0 }));
    expect(failed?.messages).toEqual(['error when waiting for pod "a" in namespace "default" to terminate: context deadline exceeded']);
    expect(env.api.now() - START).toBe(7 * 24 * 3600 * 1000);
  });
});
