/**
 * Following a container's output with no one at the terminal. `logs -f` and an attached
 * `run -i` end by themselves when the container stops; otherwise a person ends them with
 * Ctrl-C. Headless (CLI, tests, grading) no one presses it, so a stream also ends once it
 * has gone quiet while nothing is bound to stop the container, or after a cap of virtual
 * time.
 */
import type { KubeObject } from "../../../api/object";

/** How much virtual time a headless stream may follow before it gives up. */
export const HEADLESS_FOLLOW_LIMIT_MS = 10 * 60 * 1000;

/** How often a followed stream looks for new lines. */
export const FOLLOW_POLL_MS = 1000;

type Named = { name: string; restartPolicy?: string };

/**
 * Whether the container's current run is bound to end: the pod is terminating, or the
 * container is an init container (not a sidecar), or the pod restarts its containers only
 * on failure or never, so the process is expected to finish.
 */
export function endsByItself(pod: KubeObject | undefined, container: string): boolean {
  if (!pod || pod.metadata.deletionTimestamp) return true;
  const spec = (pod.spec ?? {}) as { restartPolicy?: string; initContainers?: Named[]; containers?: Named[] };
  const init = spec.initContainers?.find((c) => c.name === container);
  if (init) return init.restartPolicy !== "Always";
  if (spec.containers?.some((c) => c.name === container)) return spec.restartPolicy === "Never" || spec.restartPolicy === "OnFailure";
  return false;
}

/**
 * The lines written after `last` (the last one already printed). Lines are matched by
 * identity, so a log trimmed at its size cap between two looks stays in step.
 */
export function linesAfter<T>(lines: readonly T[], last: T | undefined): readonly T[] {
  if (last === undefined) return lines;
  return lines.slice(lines.lastIndexOf(last) + 1);
}
