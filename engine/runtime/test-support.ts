/** Shared by the runtime's tests: a container config with defaults and a fixed start time. */
import { SimulatedRuntime } from "./simulated-runtime";
import type { ContainerConfig } from "./types";

/** 2026-01-01T12:00:00Z */
export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
export const MI = 1024 * 1024;

let pods = 0;

export function config(over: Partial<ContainerConfig> = {}): ContainerConfig {
  return { podUid: `pod-${++pods}`, podName: "web", namespace: "default", name: "app", image: "busybox:1.36", env: {}, mounts: [], podIP: "10.244.1.5", ...over };
}

/** A runtime with one started container `c`; throws if it does not start. */
export function running(over: Partial<ContainerConfig> = {}, at = T0): SimulatedRuntime {
  const rt = new SimulatedRuntime();
  const r = rt.start("c", "node01", config(over), at);
  if (!r.ok) throw new Error(r.message);
  return rt;
}

export function logText(rt: SimulatedRuntime, id = "c"): string {
  return rt.logs(id).map((l) => `${l.text}\n`).join("");
}
