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
import { cronJobController } from "./controllers/cronjob";
import { daemonSetController } from "./controllers/daemonset";
import { deploymentController } from "./controllers/deployment/deployment-controller";
import { endpointSliceController } from "./controllers/endpoint-slice";
import { endpointsController } from "./controllers/endpoints";
import { garbageCollector } from "./controllers/garbage-collector";
import { jobController } from "./controllers/job";
import { kubelet } from "./controllers/kubelet/kubelet";
import { kubernetesService } from "./controllers/kubernetes-service";
import { namespaceController } from "./controllers/namespace";
import { nodeLifecycle } from "./controllers/node-lifecycle";
import { podGC } from "./controllers/pod-gc";
import { replicaSetController } from "./controllers/replicaset";
import { resourceQuotaController } from "./controllers/resource-quota";
import { scheduler } from "./controllers/scheduler/scheduler";
import { serviceNetwork } from "./controllers/service-network";
import type { RandomState } from "./random";
import { SimulatedRuntime } from "./runtime/simulated-runtime";
import type { ContainerRuntime, RuntimeState } from "./runtime/types";
import type { Vfs } from "./shell/vfs";
import { bootstrap } from "./bootstrap";
import { systemdController } from "./systemd/systemd-controller";
import type { ClusterShape } from "./bootstrap";

export interface ClusterSnapshot {
  readonly name: string;
  readonly clock: ClockState;
  readonly random: RandomState;
  readonly store: StoreState;
  readonly runtime: RuntimeState;
}

/** What a cluster needs from the workspace around it: the nodes' own file systems. */
export interface ClusterHost {
  nodeFs(node: string): Vfs | undefined;
  /** grows whenever a file changes on any host (a static pod manifest written, say) */
  fsChanges(): number;
}

const NO_HOST: ClusterHost = { nodeFs: () => undefined, fsChanges: () => 0 };

/** In the order kube-controller-manager's work usually lands; every pass runs them all. */
const CONTROLLERS: readonly Controller[] = [
  namespaceController,
  kubernetesService,
  garbageCollector,
  podGC,
  deploymentController,
  replicaSetController,
  daemonSetController,
  jobController,
  cronJobController,
  resourceQuotaController,
  endpointsController,
  endpointSliceController,
  systemdController,
  nodeLifecycle,
  scheduler,
  kubelet,
];

const CLUSTER_AGE_MS = 7 * 24 * 3600 * 1000;

/** Enough passes for a chain of writes to settle; more means controllers are fighting. */
const MAX_PASSES = 200;

export class Cluster {
  readonly api: ApiServer;
  readonly runtime: ContainerRuntime;
  private readonly clock: Clock;
  private readonly random: RandomState;
  /**
   * What each controller saw the last time it ran and wrote nothing. Controllers are
   * functions of the store, the node files and their own wake-ups, so while those stay
   * the same, running one again would change nothing: it is skipped. A cache only, so
   * it is not part of the snapshot.
   */
  private readonly quietAt = new Map<string, string>();
  private readonly woken = new Set<string>();
  /**
   * The controllers whose last run read a node's files. One that did not would take the
   * same path again while the store stays the same, so a file changing on a host (a
   * learner's `vi pod.yaml`) is no reason to run it: only these see the files' changes.
   */
  private readonly readFiles = new Set<string>();

  private constructor(
    readonly name: string,
    clock: ClockState,
    random: RandomState,
    store: StoreState | undefined,
    runtime: RuntimeState | undefined,
    private readonly host: ClusterHost,
  ) {
    this.clock = new Clock(clock);
    this.random = { ...random };
    this.api = new ApiServer(new Store(store), { now: () => this.clock.now(), random: this.random });
    const simulated = new SimulatedRuntime(runtime);
    simulated.setNetwork(serviceNetwork(this.api.store));
    this.runtime = simulated;
  }

  /**
   * A fresh cluster shaped like a kubeadm one, at virtual time `startTime`. It was set up
   * a week earlier, as a lab cluster is, and the events of that day have expired.
   */
  static create(shape: ClusterShape, startTime: number, seed: number, host: ClusterHost = NO_HOST): Cluster {
    const c = new Cluster(shape.name, { now: startTime - CLUSTER_AGE_MS, seq: 0, timers: [] }, { seed }, undefined, undefined, host);
    bootstrap(c.api, shape, (node) => host.nodeFs(node));
    c.advance(CLUSTER_AGE_MS);
    for (const e of c.api.store.list("events")) c.api.store.remove("events", e.metadata.namespace, e.metadata.name ?? "");
    return c;
  }

  static restore(s: ClusterSnapshot, host: ClusterHost = NO_HOST): Cluster {
    return new Cluster(s.name, s.clock, s.random, s.store, s.runtime, host);
  }

  /** The cluster as a plain value; `view` shares live objects (see Workspace.snapshot). */
  snapshot(view = false): ClusterSnapshot {
    return { name: this.name, clock: this.clock.toState(), random: { ...this.random }, store: this.api.store.toState(), runtime: this.runtime.toState(view) };
  }

  now(): number {
    return this.clock.now();
  }

  private context(controller: string): ControllerContext {
    return {
      api: this.api,
      events: eventRecorder(this.api),
      random: this.random,
      runtime: this.runtime,
      nodeFs: (node) => {
        this.readFiles.add(controller);
        return this.host.nodeFs(node);
      },
      now: () => this.clock.now(),
      wakeAt: (at, key) => this.clock.schedule(at, controller, key),
    };
  }

  private seen(controller: string): string {
    const files = this.readFiles.has(controller) ? this.host.fsChanges() : "-";
    return `${this.api.store.apiChangeCount}/${files}/${this.runtime.inputCount()}`;
  }

  /** Runs every controller until none writes, at the current virtual time. */
  settle(): void {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let wrote = false;
      for (const c of CONTROLLERS) {
        if (!this.woken.has(c.name) && this.quietAt.get(c.name) === this.seen(c.name)) continue;
        this.woken.delete(c.name);
        this.readFiles.delete(c.name);
        if (c.reconcile(this.context(c.name))) wrote = true;
        else this.quietAt.set(c.name, this.seen(c.name));
      }
      if (!wrote) return;
    }
  }

  /** Lets `ms` of virtual time pass, running everything that falls due on the way. */
  advance(ms: number): void {
    const target = this.clock.now() + Math.max(0, ms);
    this.settle();
    for (let t = this.clock.popDue(target); t; t = this.clock.popDue(target)) {
      this.woken.add(t.controller);
      this.settle();
    }
    this.clock.moveTo(target);
    this.settle();
  }
}
