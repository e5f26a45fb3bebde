/**
 * The controller contract: small level-triggered reconcilers that read and write only
 * through the API server, and ask the clock to wake them when time matters.
 */
import type { ApiServer } from "../api/server";
import type { RandomState } from "../random";
import type { EventRecorder } from "./events";

export interface ControllerContext {
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly random: RandomState;
  now(): number;
  /** wake this controller again at `at` (virtual ms) */
  wakeAt(at: number, key: string): void;
}

export interface Controller {
  readonly name: string;
  /** Brings the world one step closer to the desired state; returns true if it wrote anything. */
  reconcile(ctx: ControllerContext): boolean;
}
