/**
 * A cluster for the kubelet's scenario tests: the API server with the default cluster's
 * objects, the clock, this kubelet, a runtime, each node's file system, a stand-in
 * binder (so placement never varies), and real kubectl against it all.
 */
import { ApiServer } from "../../../api/server";
import { Store } from "../../../api/store";
import { resourceForKind } from "../../../api/resources";
import { timestamp } from "../../../api/object";
import { bootstrap, DEFAULT_CLUSTER } from "../../../bootstrap";
import { Clock } from "../../../clock/clock";
import { KUBECONFIG_PATH, kubeconfigFor, serializeKubeconfig } from "../../../kubectl/kubeconfig";
import { kubectl } from "../../../kubectl/kubectl";
import type { ContainerRuntime } from "../../../runtime/types";
import { newHostFs, Vfs } from "../../../shell/vfs";
import { TEST_START } from "../../../testing";
import type { Controller, ControllerContext } from "../../controller";
import { eventRecorder } from "../../events";
import { garbageCollector } from "../../garbage-collector";
import { kubernetesService } from "../../kubernetes-service";
import { namespaceController } from "../../namespace";
import { kubelet } from "../kubelet";

/** Binds every pending pod without a node to node01, with the scheduler's condition and event. */
const binder: Controller = {
  name: "binder",
  reconcile(ctx) {
    let wrote = false;
    const pods = resourceForKind("Pod");
    if (!pods) return false;
    for (const p of ctx.api.store.list("pods")) {
      const spec = p.spec as { nodeName?: string };
      if (spec.nodeName || p.metadata.deletionTimestamp) continue;
      const bound = { ...p, spec: { ...spec, nodeName: "node01" }, metadata: { ...p.metadata, resourceVersion: ctx.api.store.nextResourceVersion() } };
      ctx.api.store.put("pods", bound);
      const condition = { lastProbeTime: null, lastTransitionTime: timestamp(ctx.now()), observedGeneration: p.metadata.generation ?? 1, status: "True", type: "PodScheduled" };
      const written = ctx.api.updateStatus(pods, { ...bound, status: { ...(p.status as object), conditions: [condition] } });
      if (written.ok) ctx.events.record(written.value, "Normal", "Scheduled", `Successfully assigned ${p.metadata.namespace}/${p.metadata.name} to node01`, { component: "default-scheduler" });
      wrote = true;
    }
    return wrote;
  },
};

const SETUP_AGE_MS = 24 * 3600 * 1000;

const CONTROLLERS: readonly Controller[] = [namespaceController, kubernetesService, garbageCollector, binder, kubelet];

export interface Transcript {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export class KubeletScenario {
  readonly api: ApiServer;
  readonly clock: Clock;
  readonly hosts = new Map<string, Vfs>();
  private readonly random = { seed: 7 };
  private readonly base: Vfs;

  /** The cluster was set up a day before TEST_START, as Cluster.create does, so its system pods run and their events are gone. */
  constructor(readonly runtime: ContainerRuntime) {
    this.clock = new Clock({ now: TEST_START - SETUP_AGE_MS, seq: 0, timers: [] });
    this.api = new ApiServer(new Store(), { now: () => this.clock.now(), random: this.random });
    bootstrap(this.api, DEFAULT_CLUSTER);
    for (const n of DEFAULT_CLUSTER.nodes) this.hosts.set(n.name, new Vfs(newHostFs(n.name, TEST_START), () => this.clock.now()));
    this.base = this.hosts.get("controlplane") as Vfs;
    this.base.mkdir("/root/.kube", { parents: true });
    const endpoint = { name: "kubernetes", server: "https://172.30.1.2:6443", context: "kubernetes-admin@kubernetes", user: "kubernetes-admin" };
    this.base.writeFile(KUBECONFIG_PATH, serializeKubeconfig(kubeconfigFor([endpoint])));
    this.advance(SETUP_AGE_MS);
    for (const e of this.api.store.list("events")) this.api.store.remove("events", e.metadata.namespace, e.metadata.name ?? "");
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
      nodeFs: (node) => this.hosts.get(node),
      now: () => this.clock.now(),
      wakeAt: (at, key) => this.clock.schedule(at, controller, key),
    };
  }

  settle(): void {
    for (let pass = 0; pass < 50; pass++) {
      let wrote = false;
      for (const c of CONTROLLERS) wrote = c.reconcile(this.context(c.name)) || wrote;
      if (!wrote) return;
    }
    throw new Error("controllers did not settle in 50 passes");
  }

  advance(ms: number): void {
    const target = this.clock.now() + ms;
    this.settle();
    while (this.clock.popDue(target)) this.settle();
    this.clock.moveTo(target);
    this.settle();
  }

  /** Runs kubectl with arguments split on spaces. */
  kubectl(line: string, stdin = ""): Promise<Transcript> {
    return this.kubectlArgs(line.split(" ").filter(Boolean), stdin);
  }

  async kubectlArgs(args: readonly string[], stdin = ""): Promise<Transcript> {
    let stdout = "";
    let stderr = "";
    const status = await kubectl(
      {
        argv: ["kubectl", ...args],
        env: {},
        cwd: "/root",
        host: "controlplane",
        fs: this.base,
        stdin,
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        sleep: async (ms) => this.advance(ms),
        signal: new AbortController().signal,
        now: () => this.clock.now(),
      },
      { cluster: () => ({ api: this.api, runtime: this.runtime, settle: () => this.settle() }), headless: true },
    );
    return { stdout, stderr, status };
  }

  /** `kubectl apply -f -` of a manifest; throws if it is refused, since a test's fixture must apply. */
  async apply(manifest: string): Promise<void> {
    const r = await this.kubectl("apply -f -", manifest);
    if (r.status !== 0) throw new Error(`apply failed: ${r.stderr}`);
  }

  /** A jsonpath query on one pod. */
  async jsonpath(pod: string, path: string): Promise<string> {
    return (await this.kubectlArgs(["get", "pod", pod, "-o", `jsonpath=${path}`])).stdout;
  }

  /** The pod's row of `kubectl get pod` without the header. */
  async row(pod: string, ns = "default"): Promise<string> {
    const r = await this.kubectl(`get pod ${pod} -n ${ns}`);
    return r.stdout.split("\n")[1] ?? r.stderr;
  }

  /**
   * Advances to each offset (seconds since the call) and records `kubectl get pod` rows
   * there, as `t=15s <row>` lines: a timeline for a golden file.
   */
  async timeline(pod: string, seconds: readonly number[]): Promise<string> {
    const start = this.now();
    let out = "";
    for (const t of seconds) {
      this.advance(start + t * 1000 - this.now());
      out += `t=${t}s ${await this.row(pod)}\n`;
    }
    return out;
  }

  /** The pod as a plain object. */
  pod(name: string, ns = "default"): Record<string, unknown> | undefined {
    return this.api.store.get("pods", ns, name) as Record<string, unknown> | undefined;
  }

  /** The Events table rows of `kubectl describe pod`. */
  async events(pod: string): Promise<string> {
    const out = (await this.kubectl(`describe pod ${pod}`)).stdout;
    return out.slice(out.indexOf("Events:"));
  }
}
