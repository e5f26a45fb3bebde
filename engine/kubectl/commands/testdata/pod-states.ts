/**
 * Test support for logs and exec: pods of busybox containers that each say who they are
 * and then run on, and a status written straight into a pod, as the kubelet's status
 * manager writes it, for a state the simulated kubelet never reaches by itself.
 */
import type { KubeObject } from "../../../api/object";
import { resourceForKind } from "../../../api/resources";
import { kubectlArgs } from "../../../testing";
import type { Workspace } from "../../../workspace";

/** Long enough for a pod of busybox containers to be scheduled, pull and run. */
export const START_MS = 5000;

/**
 * A pod whose containers print `<container> says hello` and then sleep for an hour, and
 * whose init containers print `<init> done` and exit.
 */
export function podManifest(name: string, containers: readonly string[], inits: readonly string[] = [], extra: Record<string, unknown> = {}): string {
  const run = (script: (n: string) => string) => (names: readonly string[]) => names.map((n) => ({ name: n, image: "busybox", command: ["sh", "-c", script(n)] }));
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: { app: name } },
    spec: {
      containers: run((n) => `echo ${n} says hello; sleep 3600`)(containers),
      ...(inits.length ? { initContainers: run((n) => `echo ${n} done`)(inits) } : {}),
      ...extra,
    },
  });
}

export async function createPod(ws: Workspace, manifest: string): Promise<void> {
  const r = await kubectlArgs(ws, ["create", "-f", "-"], manifest);
  if (r.status !== 0) throw new Error(r.stderr);
}

/** Replaces the status of a pod, as the kubelet's status manager does. */
export function setPodStatus(ws: Workspace, name: string, change: (status: Record<string, unknown>) => Record<string, unknown>): void {
  const api = ws.cluster("kubernetes")?.api;
  const pods = resourceForKind("Pod");
  const pod = api?.store.get("pods", "default", name) as KubeObject | undefined;
  if (!api || !pods || !pod) throw new Error(`no pod ${name}`);
  const r = api.updateStatus(pods, { ...pod, status: change({ ...((pod.status ?? {}) as Record<string, unknown>) }) });
  if (!r.ok) throw new Error(r.error.message);
}

/** A container status in the given state, for setPodStatus. */
export function containerState(name: string, state: Record<string, unknown>, lastState: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, image: "busybox", imageID: "", ready: false, restartCount: 0, started: false, state, lastState };
}
