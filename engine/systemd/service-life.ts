/**
 * What the rest of the cluster can tell about a node's service: whether its main process
 * is up, since when, and if not, since when it has been gone. A crash-looping process never
 * comes up, so it counts as gone since the last process that did.
 */
import type { Vfs } from "../shell/vfs";
import { readServices } from "./state";

export type ServiceLife = { readonly up: true; readonly pid: number; readonly since: number } | { readonly up: false; readonly since: number };

/** The life of `unit` on the host, or undefined for a host without systemd (whose services are taken to run). */
export function serviceLife(fs: Vfs | undefined, unit: string): ServiceLife | undefined {
  const state = fs ? readServices(fs) : undefined;
  const u = state?.units[unit];
  if (!state || !u) return undefined;
  const phase = u.phase;
  if (phase.kind === "running") return { up: true, pid: phase.run.pid, since: phase.run.at };
  const since = u.lastRunEnd ?? (phase.kind === "looping" ? phase.loop.at : (phase.since ?? state.bootAt));
  return { up: false, since };
}
