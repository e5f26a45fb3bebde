"use client";
import { useEffect, useState, type ReactNode } from "react";
import { authClient } from "../lib/auth-client";

/**
 * A visitor needs no account: on their first visit a guest session is made, so the
 * terminal and the grader know whose cluster is whose. Children render once it exists;
 * if it cannot be made, the visitor is told and may try again.
 */
export function GuestSession({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [state, setState] = useState<"pending" | "ready" | { error: string }>("pending");
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      const session = await authClient.getSession();
      const made = session.data ? undefined : await authClient.signIn.anonymous();
      if (!live) return;
      setState(made?.error ? { error: made.error.message ?? made.error.statusText } : "ready");
    })();
    return () => {
      live = false;
    };
  }, [attempt]);
  if (state === "ready") return children;
  if (state === "pending") return fallback;
  return (
    <div role="alert" className="workbench">
      <p>{state.error}</p>
      <button type="button" onClick={() => (setState("pending"), setAttempt((n) => n + 1))}>
        ↻
      </button>
    </div>
  );
}
