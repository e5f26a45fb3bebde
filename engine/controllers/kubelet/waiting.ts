/** A container status in a waiting state: not started, not ready. */
import type { ContainerStatus } from "kubernetes-types/core/v1";

export function setWaiting(cs: ContainerStatus, reason: string, message?: string): void {
  cs.state = { waiting: { reason, ...(message ? { message } : {}) } };
  cs.ready = false;
  cs.started = false;
}
