"use client";
import { useCallback, useState } from "react";
import { commandFinished } from "./run-bus";

/**
 * A button's action that changes the cluster (reset, fast-forward, an exercise's setup):
 * buttons are disabled while it runs, and the cluster panel refreshes when it is done.
 */
export function useClusterAction(): [busy: boolean, act: (f: () => Promise<void>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const act = useCallback(async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
      commandFinished();
    }
  }, []);
  return [busy, act];
}
