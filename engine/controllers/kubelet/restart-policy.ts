/**
 * Whether an exited container is started again (fidelity 6.2): by the pod's
 * restartPolicy and the exit code. Sidecars always come back; regular init containers
 * under `Always` are retried only when they fail.
 */
import type { ContainerRef } from "./container-ref";

type Policy = "Always" | "OnFailure" | "Never";

const RESTARTS: Record<Policy, { readonly success: boolean; readonly failure: boolean }> = {
  Always: { success: true, failure: true },
  OnFailure: { success: false, failure: true },
  Never: { success: false, failure: false },
};

export function effectivePolicy(podPolicy: string | undefined, c: ContainerRef): Policy {
  if (c.sidecar) return "Always";
  const policy = (podPolicy ?? "Always") as Policy;
  return c.init && policy === "Always" ? "OnFailure" : policy;
}

export function shouldRestart(podPolicy: string | undefined, c: ContainerRef, exitCode: number): boolean {
  const rule = RESTARTS[effectivePolicy(podPolicy, c)] ?? RESTARTS.Always;
  return exitCode === 0 ? rule.success : rule.failure;
}
