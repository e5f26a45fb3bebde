/**
 * How far a rolling update may go above and below the desired size (deployment_util.go
 * MaxSurge, MaxUnavailable, ResolveFenceposts): percentages scale with the replica count,
 * surge rounded up and unavailability rounded down, and never both zero.
 */
import type { KubeObject } from "../../api/object";
import { isObj, specOf } from "../pod-control";

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(String(v ?? "0"));
  if (!m) return Number(v) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function replicasOf(o: KubeObject): number {
  const r = specOf(o).replicas;
  return typeof r === "number" ? r : 1;
}

function rollingUpdate(d: KubeObject): Record<string, unknown> | undefined {
  const strategy = specOf(d).strategy;
  if (!isObj(strategy) || strategy.type !== "RollingUpdate") return undefined;
  return isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
}

export const isRollingUpdate = (d: KubeObject): boolean => rollingUpdate(d) !== undefined;

export function resolveFenceposts(maxSurge: unknown, maxUnavailable: unknown, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  const unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

export function maxSurge(d: KubeObject): number {
  const ru = rollingUpdate(d);
  return ru ? resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d)).surge : 0;
}

export function maxUnavailable(d: KubeObject): number {
  const ru = rollingUpdate(d);
  const desired = replicasOf(d);
  if (!ru || desired === 0) return 0;
  return Math.min(resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desired).unavailable, desired);
}
