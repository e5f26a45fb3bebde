/**
 * The controller contract: small level-triggered reconcilers that read and write only
 * through the API server, and ask the clock to wake them when time matters.
 */
import type { ApiServer } from "../api/server";
import type { RandomState } from "../random";
import type { ContainerRuntime } from "../runtime/types";
import type { Vfs } from "../shell/vfs";
import type { EventRecorder } from "./events";

export interface ControllerContext {
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly random: RandomState;
  /** containers, their processes, files and images, on every node */
  readonly runtime: ContainerRuntime;
  /** a node's own file system (`/etc/kubernetes/manifests` for static pods), if the workspace has that host */
  nodeFs(node: string): Vfs | undefined;
  now(): number;
  /** wake this controller again at `at` (virtual ms) */
  wakeAt(at: number, key: string): void;
}

export interface Controller {
  readonly name: string;
  /** Brings the world one step closer to the desired state; returns true if it wrote anything. */
  reconcile(ctx: ControllerContext): boolean;
}
