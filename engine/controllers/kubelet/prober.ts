/**
 * The prober (pkg/kubelet/prober): each probe of a running container runs every
 * periodSeconds from initialDelaySeconds after its start; a result counts once it repeats
 * successThreshold / failureThreshold times. Until the startup probe succeeds the others
 * wait. Every failure is an Unhealthy event; a liveness or startup failure that counts
 * asks for the container to be killed.
 *
 * A probe that holds success against a server whose answers never change with time (the
 * runtime says so) would only succeed again while its container runs, and a success
 * leaves no trace: it asks for no wake-up, and runs again whenever the pod is synced for
 * another reason. So the control-plane pods' 1 s readiness probes cost nothing while the
 * cluster idles.
 */
import type { Container, ContainerPort, Probe } from "kubernetes-types/core/v1";
import type { ProbeSpec } from "../../runtime/types";
import type { ContainerRef } from "./container-ref";
import { nodeInternalIP } from "./pod-ip";
import type { ContainerMemory, ProbeKind, ProbeMemory } from "./pod-memory";
import type { PodSyncState } from "./pod-sync-state";
import { record, wake } from "./pod-sync-state";

export type ProbeOutcome = "ok" | "liveness" | "startup";

const LABEL: Record<ProbeKind, string> = { liveness: "Liveness", readiness: "Readiness", startup: "Startup" };

const specOf = (c: Container, kind: ProbeKind): Probe | undefined =>
  kind === "liveness" ? c.livenessProbe : kind === "readiness" ? c.readinessProbe : c.startupProbe;

const periodMs = (p: Probe) => (p.periodSeconds ?? 10) * 1000;

/** Named ports (`port: http`) are looked up in the container's ports, as the prober does. */
function port(ports: readonly ContainerPort[] | undefined, p: number | string): number | string {
  if (typeof p === "number" || /^\d+$/.test(p)) return Number(p);
  return ports?.find((x) => x.name === p)?.containerPort ?? p;
}

/** The probe as the runtime runs it, from the node whose own address is `nodeIP`. */
export function probeSpec(p: Probe, c: Container, nodeIP?: string): ProbeSpec {
  return {
    ...(p.exec ? { exec: { command: p.exec.command ?? [] } } : {}),
    ...(p.httpGet ? { httpGet: { path: p.httpGet.path ?? "/", port: port(c.ports, p.httpGet.port), host: p.httpGet.host, scheme: p.httpGet.scheme ?? "HTTP" } } : {}),
    ...(p.tcpSocket ? { tcpSocket: { port: port(c.ports, p.tcpSocket.port), host: p.tcpSocket.host } } : {}),
    ...(p.grpc ? { grpc: { port: p.grpc.port, service: p.grpc.service } } : {}),
    timeoutSeconds: p.timeoutSeconds ?? 1,
    ...(nodeIP ? { nodeIP } : {}),
  };
}

/** The probe workers' state for a container that just started: readiness starts as failure, liveness as success. */
export function resetProbes(cm: ContainerMemory, c: Container, startedAt: number): void {
  const probes: Partial<Record<ProbeKind, ProbeMemory>> = {};
  for (const kind of ["startup", "liveness", "readiness"] as const) {
    const p = specOf(c, kind);
    if (!p) continue;
    const result = kind === "liveness" ? "success" : kind === "readiness" ? "failure" : undefined;
    probes[kind] = { nextAt: startedAt + (p.initialDelaySeconds ?? 0) * 1000, run: 0, ...(result ? { result } : {}) };
  }
  if (Object.keys(probes).length) cm.probes = probes;
  else delete cm.probes;
}

/** started: running and the startup probe (if any) has succeeded. */
export function startupPassed(c: Container, cm: ContainerMemory | undefined): boolean {
  return !c.startupProbe || cm?.probes?.startup?.result === "success";
}

/** ready: started and the readiness probe (if any) holds success. */
export function readinessPassed(c: Container, cm: ContainerMemory | undefined): boolean {
  return startupPassed(c, cm) && (!c.readinessProbe || cm?.probes?.readiness?.result === "success");
}

function probeOnce(ps: PodSyncState, c: ContainerRef, id: string, kind: ProbeKind, p: Probe, mem: ProbeMemory): ProbeMemory {
  const r = ps.ctx.runtime.probe(id, probeSpec(p, c.spec, nodeInternalIP(ps.node)), ps.now);
  if (!r.success) record(ps, c, "Warning", "Unhealthy", `${LABEL[kind]} probe failed: ${r.output}`);
  const value = r.success ? "success" : "failure";
  const run = mem.lastResult === value ? mem.run + 1 : 1;
  let next = mem.nextAt + periodMs(p);
  if (next <= ps.now) next = ps.now + periodMs(p);
  const threshold = value === "success" ? (p.successThreshold ?? 1) : (p.failureThreshold ?? 3);
  const steady = r.success && r.steady === true ? { steady: true } : {};
  if (run < threshold) return { nextAt: next, lastResult: value, run, ...(mem.result ? { result: mem.result } : {}), ...steady };
  return { nextAt: next, lastResult: value, run, result: value, ...steady };
}

/** Runs the probes that are due; says whether a liveness or startup failure now asks for a kill. */
export function runProbes(ps: PodSyncState, c: ContainerRef, cm: ContainerMemory, id: string): ProbeOutcome {
  const probes = cm.probes;
  if (!probes) return "ok";
  for (const kind of ["startup", "liveness", "readiness"] as const) {
    const p = specOf(c.spec, kind);
    let mem = probes[kind];
    if (!p || !mem) continue;
    if (kind !== "startup" && !startupPassed(c.spec, cm)) return "ok";
    if (kind === "startup" && mem.result === "success") continue;
    if (ps.now >= mem.nextAt) {
      const before = startupPassed(c.spec, cm);
      mem = probeOnce(ps, c, id, kind, p, mem);
      probes[kind] = mem;
      if (kind !== "readiness" && mem.result === "failure") return kind;
      if (kind === "startup" && !before && startupPassed(c.spec, cm)) {
        for (const other of ["liveness", "readiness"] as const) {
          const o = probes[other];
          if (o && o.nextAt < ps.now) probes[other] = { ...o, nextAt: ps.now };
        }
      }
    }
    if (!(mem.steady && mem.result === "success")) wake(ps, mem.nextAt);
  }
  return "ok";
}
