import "server-only";
import { randomUUID } from "node:crypto";

// A command that waits for the learner — the editor's saved text, a line typed into a
// container's shell — asks the browser through its output stream and parks here until
// the browser's answer arrives on /api/replies/[id]. Only the same user can answer, and an
// unanswered question ends after a while as if the learner had given up.

const WAIT_MS = 30 * 60_000;

interface Pending {
  readonly userId: string;
  readonly resolve: (value: unknown) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

const cache = globalThis as typeof globalThis & { kubelabReplies?: Map<string, Pending> };
const pending = (cache.kubelabReplies ??= new Map());

/** A new question: its id (to send to the browser) and the answer to come (`onTimeout` if none does). */
export function ask<T>(userId: string, onTimeout: T, signal?: AbortSignal): { id: string; answer: Promise<T> } {
  const id = randomUUID();
  const answer = new Promise<T>((resolve) => {
    const done = (value: unknown) => {
      clearTimeout(timer);
      pending.delete(id);
      resolve(value as T);
    };
    const timer = setTimeout(() => done(onTimeout), WAIT_MS);
    pending.set(id, { userId, resolve: done, timer });
    signal?.addEventListener("abort", () => done(onTimeout), { once: true });
  });
  return { id, answer };
}

/** The browser's answer; false when there is no such question for this user. */
export function reply(userId: string, id: string, value: unknown): boolean {
  const p = pending.get(id);
  if (!p || p.userId !== userId) return false;
  p.resolve(value);
  return true;
}
