"use client";
import { useEffect, useState, type ReactNode } from "react";
import { authClient } from "../lib/auth-client";

/**
 * A visitor needs no account: on their first visit a guest session is made, so the
 * terminal and the grader know whose cluster is whose. Children render once it exists.
 */
export function GuestSession({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    (async () => {
      const session = await authClient.getSession();
      if (!session.data) await authClient.signIn.anonymous();
      if (live) setReady(true);
    })();
    return () => {
      live = false;
    };
  }, []);
  return ready ? children : fallback;
}
