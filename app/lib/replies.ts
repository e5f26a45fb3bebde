import { randomUUID } from "node:crypto";
import type { Db } from "./db";

// A command that waits for the learner — the editor's saved text, a line typed into a
// container's shell — asks the browser through its output stream and parks here until
// the browser's answer arrives on /api/replies/[id]. Only the same user can answer, and an
// unanswered question ends after a while as if the learner had given up.
//
// Behind a load balancer the answer may reach another instance than the one running the
// command. That instance leaves it in the database (TerminalReply); the waiting one looks
// there a few times a second while its question is open, takes it and deletes it.

const WAIT_MS = 30 * 60_000;
const POLL_MS = 250;

interface Pending {
  readonly userId: string;
  readonly resolve: (value: unknown) => void;
}

export interface Replies {
  /** A new question: its id (to send to the browser) and the answer to come (`onTimeout` if none does). */
  ask<T>(userId: string, onTimeout: T, signal?: AbortSignal): { id: string; answer: Promise<T> };
  /** The browser's answer: given to the waiting command here, or left for the instance that runs it. */
  reply(userId: string, id: string, value: unknown): Promise<void>;
}

export function replies(db: () => Db, opts: { waitMs?: number; pollMs?: number } = {}): Replies {
  const pending = new Map<string, Pending>();
  const waitMs = opts.waitMs ?? WAIT_MS;
  const pollMs = opts.pollMs ?? POLL_MS;
  return {
    ask<T>(userId: string, onTimeout: T, signal?: AbortSignal) {
      const id = randomUUID();
      const answer = new Promise<T>((resolve) => {
        let settled = false;
        const done = (value: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          clearTimeout(poll);
          pending.delete(id);
          resolve(value as T);
        };
        const timer = setTimeout(() => done(onTimeout), waitMs);
        let poll: ReturnType<typeof setTimeout> | undefined;
        const look = async () => {
          const row = await db()
            .terminalReply.findFirst({ where: { id, userId } })
            .catch(() => undefined);
          if (settled) return;
          if (row) {
            await db()
              .terminalReply.deleteMany({ where: { id } })
              .catch(() => undefined);
            return done(row.answer);
          }
          poll = setTimeout(() => void look(), pollMs);
        };
        poll = setTimeout(() => void look(), pollMs);
        pending.set(id, { userId, resolve: done });
        signal?.addEventListener("abort", () => done(onTimeout), { once: true });
      });
      return { id, answer };
    },
    async reply(userId, id, value) {
      const here = pending.get(id);
      if (here) {
        // another user's answer is dropped, exactly as if it had gone to the database
        if (here.userId === userId) here.resolve(value);
        return;
      }
      // answers nobody took within the wait are litter: swept as new ones come in
      await db().terminalReply.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - waitMs) } } });
      await db().terminalReply.upsert({ where: { id }, create: { id, userId, answer: value as object }, update: {} });
    },
  };
}
