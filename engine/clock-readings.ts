/**
 * A workspace's snapshot without the readings of its clocks: each cluster's now, and how
 * far each running container's processes have run. Two snapshots equal without them
 * differ only by time having passed, which restoring the older one and advancing it to
 * the same time makes up; so a saved workspace need not be saved again for that alone.
 */
import type { ContainerState } from "./runtime/container-state";
import type { WorkspaceSnapshot } from "./workspace";

export function withoutClockReadings(s: WorkspaceSnapshot): WorkspaceSnapshot {
  return {
    ...s,
    clusters: s.clusters.map((c) => ({
      ...c,
      clock: { ...c.clock, now: 0 },
      runtime: { ...c.runtime, containers: Object.fromEntries(Object.entries(c.runtime.containers).map(([id, k]) => [id, runUpToLeftOut(k as ContainerState)])) },
    })),
  };
}

/**
 * The copy made of each container, by the container given: a runtime gives the same view
 * of a container it has not changed (SimulatedRuntime.toState), and its copy stays the
 * same object too, so what a caller keeps by object (its JSON) is found again.
 */
const leftOut = new WeakMap<ContainerState, ContainerState>();

/** An exited container's clock is when it exited: a fact, not a reading. */
function runUpToLeftOut(c: ContainerState): ContainerState {
  if (c.exit) return c;
  let copy = leftOut.get(c);
  if (!copy) leftOut.set(c, (copy = { ...c, clock: 0 }));
  return copy;
}
