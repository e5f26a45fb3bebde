/**
 * The RollingUpdate strategy (deployment rolling.go): each sync either scales the new
 * ReplicaSet up as far as maxSurge allows, or scales old ones down as far as
 * maxUnavailable allows (unhealthy replicas first), then reports progress.
 */
import type { KubeObject } from "../../api/object";
import { statusOf } from "../pod-control";
import { maxUnavailable, replicasOf } from "./fenceposts";
import { deploymentComplete, syncRolloutStatus } from "./progress";
import { availableTotal, byCreation, isActive, rsReplicas, specTotal } from "./replica-sets";
import type { DeploymentSync } from "./sync";
import { cleanupDeployment, newAndOld, newRSNewReplicas, scaleAndRecord } from "./sync";

function reconcileNewReplicaSet(s: DeploymentSync, allRSs: readonly KubeObject[], newRS: KubeObject): boolean {
  const desired = replicasOf(s.d);
  if (rsReplicas(newRS) === desired) return false;
  if (rsReplicas(newRS) > desired) return scaleAndRecord(s, newRS, desired);
  return scaleAndRecord(s, newRS, newRSNewReplicas(s.d, allRSs, newRS));
}

const latest = (s: DeploymentSync, rs: KubeObject): KubeObject => s.rsList.find((x) => x.metadata.uid === rs.metadata.uid) ?? rs;
const available = (rs: KubeObject): number => Number(statusOf(rs).availableReplicas ?? 0);

/** cleanupUnhealthyReplicas: old ReplicaSets shed replicas that are not available, oldest first. */
function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: KubeObject[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    if (rsReplicas(rs) === 0 || rsReplicas(rs) === available(rs)) continue;
    const count = Math.min(maxCleanup - total, rsReplicas(rs) - available(rs));
    scaleAndRecord(s, rs, rsReplicas(rs) - count);
    total += count;
  }
  return total;
}

/** scaleDownOldReplicaSetsForRollingUpdate: as many as keep availability above the minimum. */
function scaleDownOld(s: DeploymentSync, allRSs: readonly KubeObject[], oldRSs: readonly KubeObject[]): number {
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const availableCount = availableTotal(allRSs);
  if (availableCount <= minAvailable) return 0;
  const target = availableCount - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (rsReplicas(rs) === 0) continue;
    const count = Math.min(rsReplicas(rs), target - total);
    scaleAndRecord(s, rs, rsReplicas(rs) - count);
    total += count;
  }
  return total;
}

function reconcileOldReplicaSets(s: DeploymentSync, allRSs: readonly KubeObject[], oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (specTotal(oldRSs) === 0) return false;
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const newUnavailable = rsReplicas(newRS) - available(newRS);
  const maxScaledDown = specTotal(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const refreshedOld = oldRSs.map((rs) => latest(s, rs));
  const scaledDown = scaleDownOld(s, [...refreshedOld, newRS], refreshedOld);
  return cleaned + scaledDown > 0;
}

export function rolloutRolling(s: DeploymentSync): void {
  const { newRS, oldRSs } = newAndOld(s, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  // As in Go, the status is computed from the ReplicaSets as they were before this step scaled them.
  if (reconcileNewReplicaSet(s, allRSs, newRS) || reconcileOldReplicaSets(s, allRSs, oldRSs.filter(isActive), newRS)) {
    syncRolloutStatus(s, allRSs, newRS);
    return;
  }
  if (deploymentComplete(s.d, statusOf(s.d))) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}
