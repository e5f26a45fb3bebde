/**
 * drain.Helper.DeleteOrEvictPods: every pod is evicted (`evicting pod ns/name`), or with
 * --disable-eviction deleted, and then waited for, polling each second, until it is gone
 * (`pod/name evicted` / `pod/name deleted`) or --timeout runs out.
 *
 * The Eviction subresource is served without PodDisruptionBudgets: it marks the pod with
 * the DisruptionTarget condition, as the API server does, and deletes it gracefully.
 */
import type { KubeObject } from "../../../api/object";
import { timestamp } from "../../../api/object";
import type { ResourceType } from "../../../api/resources";
import { resolveResource } from "../../../api/resources";
import type { KubectlEnv } from "../../command";
import type { DryRunStrategy } from "../../printers/name";
import { deletedLongAgo, errorMessage } from "./pod-filters";

const PODS = resolveResource("pods") as ResourceType;

/** What kubectl waits when --timeout is zero; a week is forever in a lesson. */
const FOREVER_MS = 7 * 24 * 3600 * 1000;
/** Polls in a row without any change in a headless cluster before the wait jumps to its deadline. */
const IDLE_POLLS = 300;

/** What eviction needs of the kubectl environment. */
export type EvictEnv = Pick<KubectlEnv, "api" | "out" | "sleep" | "settle" | "signal" | "headless">;

export interface EvictOptions {
  readonly disableEviction: boolean;
  /** -1 for each pod's own terminationGracePeriodSeconds */
  readonly gracePeriodSeconds: number;
  readonly dryRun: DryRunStrategy;
  /** 0 waits forever */
  readonly timeoutMs: number;
  readonly skipWaitForDeleteTimeoutSeconds: number;
}

/** A Go error as drain returns it: an aggregate (utilerrors) or a single error. */
export interface DrainError {
  readonly messages: readonly string[];
  readonly aggregate: boolean;
}

/** aggregate.Error(): one message alone, several deduplicated in brackets. */
export function errorText(e: DrainError): string {
  const unique = [...new Set(e.messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(", ")}]`;
}

const podLabel = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;

function evictPod(env: EvictEnv, pod: KubeObject, o: EvictOptions): string | "gone" | undefined {
  const ns = pod.metadata.namespace ?? "default";
  const name = pod.metadata.name ?? "";
  const current = env.api.get(PODS, ns, name);
  if (!current.ok) return current.error.reason === "NotFound" ? "gone" : errorMessage(current.error);
  const dryRun = o.dryRun === "server";
  if (!dryRun) {
    const status = (current.value.status ?? {}) as Record<string, unknown>;
    const conditions = (status.conditions as { type: string }[] | undefined) ?? [];
    const disruption = { lastProbeTime: null, lastTransitionTime: timestamp(env.api.now()), message: "Eviction API: evicting", observedGeneration: current.value.metadata.generation ?? 1, reason: "EvictionByEvictionAPI", status: "True", type: "DisruptionTarget" };
    const replaced = conditions.some((c) => c.type === "DisruptionTarget");
    env.api.updateStatus(PODS, { ...current.value, status: { ...status, conditions: replaced ? conditions.map((c) => (c.type === "DisruptionTarget" ? disruption : c)) : [...conditions, disruption] } });
  }
  const deleted = env.api.delete(PODS, ns, name, { gracePeriodSeconds: o.gracePeriodSeconds >= 0 ? o.gracePeriodSeconds : undefined, dryRun });
  if (deleted.ok) return undefined;
  return deleted.error.reason === "NotFound" ? "gone" : errorMessage(deleted.error);
}

/** waitForDelete: prints each pod as it disappears; returns the pods still there at the deadline. */
async function waitForDelete(env: EvictEnv, pods: readonly KubeObject[], verb: string, o: EvictOptions, deadline: number): Promise<KubeObject[]> {
  let pending = [...pods];
  let idle = 0;
  for (;;) {
    const still: KubeObject[] = [];
    for (const p of pending) {
      const got = env.api.store.get("pods", p.metadata.namespace, p.metadata.name ?? "");
      if (!got || got.metadata.uid !== p.metadata.uid) {
        env.out(`pod/${p.metadata.name} ${verb}\n`);
      } else if (deletedLongAgo(got, o.skipWaitForDeleteTimeoutSeconds, env.api.now())) {
        env.out(`pod "${p.metadata.name}" has DeletionTimestamp older than ${o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`);
      } else {
        still.push(p);
      }
    }
    pending = still;
    if (pending.length === 0 || env.signal.aborted || env.api.now() >= deadline) return pending;
    const version = env.api.store.resourceVersion;
    await env.sleep(Math.min(1000, deadline - env.api.now()));
    idle = env.api.store.resourceVersion === version ? idle + 1 : 0;
    if (env.headless && idle >= IDLE_POLLS) await env.sleep(deadline - env.api.now());
  }
}

export async function deleteOrEvictPods(env: EvictEnv, pods: readonly KubeObject[], o: EvictOptions): Promise<DrainError | undefined> {
  if (pods.length === 0) return undefined;
  const deadline = env.api.now() + (o.timeoutMs > 0 ? o.timeoutMs : FOREVER_MS);
  if (o.disableEviction) {
    for (const p of pods) {
      const deleted = env.api.delete(PODS, p.metadata.namespace, p.metadata.name ?? "", { gracePeriodSeconds: o.gracePeriodSeconds >= 0 ? o.gracePeriodSeconds : undefined, dryRun: o.dryRun === "server" });
      if (!deleted.ok && deleted.error.reason !== "NotFound") return { messages: [errorMessage(deleted.error)], aggregate: false };
    }
    if (o.dryRun === "server") return undefined;
    env.settle();
    const left = await waitForDelete(env, pods, "deleted", o, deadline);
    return left.length > 0 ? { messages: ["context deadline exceeded"], aggregate: false } : undefined;
  }
  const errors: string[] = [];
  const evicted: KubeObject[] = [];
  for (const p of pods) {
    env.out(`evicting pod ${podLabel(p)}${o.dryRun === "server" ? " (server dry run)" : ""}\n`);
    const result = evictPod(env, p, o);
    if (result === undefined) evicted.push(p);
    else if (result !== "gone") errors.push(`error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}": ${result}`);
  }
  if (o.dryRun !== "server" && evicted.length > 0) {
    env.settle();
    const left = await waitForDelete(env, evicted, "evicted", o, deadline);
    for (const p of left) errors.push(`error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: context deadline exceeded`);
  }
  return errors.length > 0 ? { messages: errors, aggregate: true } : undefined;
}
