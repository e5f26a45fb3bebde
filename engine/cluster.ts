/**
 * One simulated cluster: its API server, clock, random source and controllers. A plain
 * serialisable snapshot in, the same out; `advance(ms)` runs the controllers through
 * virtual time, waking only where something is due.
 */
import type { StoreState } from "./api/store";
import { Store } from "./api/store";
import { ApiServer } from "./api/server";
import type { ClockState } from "./clock/clock";
import { Clock } from "./clock/clock";
import type { Controller, ControllerContext } from "./controllers/controller";
import { eventRecorder } from "./controllers/events";
import { garbageCollector } from "./controllers/garbage-collector";
import { kubelet } from "./controllers/kubelet";
import { kubernetesService } from "./controllers/kubernetes-service";
import { namespaceController } from "./controllers/namespace";
import { scheduler } from "./controllers/scheduler";
import type { RandomState } from "./random";
import { bootstrap } from "./bootstrap";
import type { ClusterShape } from "./bootstrap";

export interface ClusterSnapshot {
  readonly name: string;
  readonly clock: ClockState;
  readonly random: RandomState;
  readonly store: StoreState;
}

const CONTROLLERS: readonly Controller[] = [namespaceController, kubernetesService, garbageCollector, scheduler, kubelet];

const CLUSTER_AGE_MS = 7 * 24 * 3600 * 1000;

/** Enough passes for a chain of writes to settle; more means controllers are fighting. */
const MAX_PASSES = 50;

export class Cluster {
  readonly api: ApiServer;
  private readonly clock: Clock;
  private readonly random: RandomState;

  private constructor(
    readonly name: string,
    clock: ClockState,
    random: RandomState,
    store: StoreState | undefined,
  ) {
    this.clock = new Clock(clock);
    this.random = { ...random };
    this.api = new ApiServer(new Store(store), { now: () => this.clock.now(), random: this.random });
  }

  /**
   * A fresh cluster shaped like a kubeadm one, at virtual time `startTime`. It was set up
   * a week earlier, as a lab cluster is, and the events of that day have expired.
   */
  static create(shape: ClusterShape, startTime: number, seed: number): Cluster {
    const c = new Cluster(shape.name, { now: startTime - CLUSTER_AGE_MS, seq: 0, timers: [] }, { seed }, undefined);
    bootstrap(c.api, shape);
    c.settle();
    for (const e of c.api.store.list("events")) c.api.store.remove("events", e.metadata.namespace, e.metadata.name ?? "");
    c.clock.moveTo(startTime);
    return c;
  }

  static restore(s: ClusterSnapshot): Cluster {
    return new Cluster(s.name, s.clock, s.random, s.store);
  }

  snapshot(): ClusterSnapshot {
    return { name: this.name, clock: this.clock.toState(), random: { ...this.random }, store: this.api.store.toState() };
  }

  now(): number {
    return this.clock.now();
  }

  private context(controller: string): ControllerContext {
    return {
      api: this.api,
      events: eventRecorder(this.api),
      random: this.random,
      now: () => this.clock.now(),
      wakeAt: (at, key) => this.clock.schedule(at, controller, key),
    };
  }

  /** Runs every controller until none writes, at the current virtual time. */
  settle(): void {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let wrote = false;
      for (const c of CONTROLLERS) wrote = c.reconcile(this.context(c.name)) || wrote;
      if (!wrote) return;
    }
  }

  /** Lets `ms` of virtual time pass, running everything that falls due on the way. */
  advance(ms: number): void {
    const target = this.clock.now() + Math.max(0, ms);
    this.settle();
    while (this.clock.popDue(target)) this.settle();
    this.clock.moveTo(target);
    this.settle();
  }
}
