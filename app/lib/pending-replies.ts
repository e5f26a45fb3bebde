import "server-only";
import { database } from "./db";
import { replies, type Replies } from "./replies";

// The app's one channel for answers to waiting commands (see replies.ts), kept on
// globalThis so that `next dev` reloads reuse it.

const cache = globalThis as typeof globalThis & { kubelabReplies?: Replies };

/** This instance's questions, answered through the app's database. */
export function pendingReplies(): Replies {
  cache.kubelabReplies ??= replies(() => database().db);
  return cache.kubelabReplies;
}
