/**
 * Time passing for a node's systemd. A crash loop is one record that repeats itself, so
 * nothing needs doing while each attempt would fail as the last one did. Only when the
 * files (or containerd) changed so that the next attempt would go differently is a
 * wake-up asked for at that attempt; at it the loop ends and the new outcome begins, with
 * the restart counter running on.
 */
import type { CrashLoop } from "./journal";
import { attemptAt, loopAttempt } from "./journal";
import type { ProcessOutcome } from "./kubelet-process";
import type { HostContext } from "./manager";
import { closeLoop, spawnContext, spawnUnit, unitConfig } from "./manager";
import { sameOutcome, spawnMain } from "./spawn";
import type { HostServices } from "./state";

const loopOutcome = (loop: CrashLoop): ProcessOutcome => ({ ok: false, status: loop.status, failAfterMs: loop.failAfterMs, lines: loop.lines });

export interface Advanced {
  readonly state: HostServices;
  /** when the next attempt of some crash loop would go differently */
  readonly wakeAt?: number;
}

export function advanceServices(ctx: HostContext, start: HostServices): Advanced {
  let state = start;
  let wakeAt: number | undefined;
  for (const [name, unit] of Object.entries(start.units)) {
    if (unit.phase.kind !== "looping") continue;
    const loop = unit.phase.loop;
    const k = loopAttempt(loop, ctx.now);
    const now = spawnMain(name, unitConfig(unit), spawnContext(ctx, state)).outcome;
    if (sameOutcome(now, loopOutcome(loop))) continue;
    if (k >= 1 && attemptAt(loop, k) === ctx.now) {
      state = spawnUnit(ctx, closeLoop(state, name, loop, unit.phase.command, ctx.now).state, name, ctx.now, loop.counter + k);
      continue;
    }
    const next = attemptAt(loop, k + 1);
    wakeAt = wakeAt === undefined ? next : Math.min(wakeAt, next);
  }
  return { state, wakeAt };
}
