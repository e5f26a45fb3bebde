/**
 * The Recreate strategy (deployment recreate.go): every old ReplicaSet goes to zero, and
 * only when none of their pods is left running is the new ReplicaSet created and scaled
 * to the full count.
 */
import type { KubeObject } from "../../api/object";
import { isPodTerminal, statusOf } from "../pod-control";
import { replicasOf } from "./fenceposts";
import { deploymentComplete, syncRolloutStatus } from "./progress";
import { actualTotal, isActive } from "./replica-sets";
import type { DeploymentSync } from "./sync";
import { cleanupDeployment, newAndOld, scaleAndRecord } from "./sync";

/** oldPodsRunning: old ReplicaSets still report pods, or pods outside the new ReplicaSet have not finished. */
function oldPodsRunning(s: DeploymentSync, newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): boolean {
  if (actualTotal(oldRSs) > 0) return true;
  for (const [uid, pods] of s.podMap) {
    if (newRS && uid === newRS.metadata.uid) continue;
    if (pods.some((p) => !isPodTerminal(p))) return true;
  }
  return false;
}

export function rolloutRecreate(s: DeploymentSync): void {
  let { newRS, oldRSs } = newAndOld(s, false);
  const all = () => [...oldRSs, ...(newRS ? [newRS] : [])];
  let scaledDown = false;
  for (const rs of oldRSs.filter(isActive)) scaledDown = scaleAndRecord(s, rs, 0) || scaledDown;
  if (scaledDown || oldPodsRunning(s, newRS, oldRSs)) {
    syncRolloutStatus(s, all(), newRS);
    return;
  }
  if (!newRS) ({ newRS, oldRSs } = newAndOld(s, true));
  if (newRS) scaleAndRecord(s, newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, statusOf(s.d))) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, all(), newRS);
}
