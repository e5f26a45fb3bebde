"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { Messages } from "../lib/i18n";
import { ClusterPanel } from "./cluster-panel";
import { useClusterAction } from "./use-cluster-action";

// xterm touches the DOM when it loads: the terminal is rendered in the browser only.
const Terminal = dynamic(() => import("./terminal/terminal").then((m) => m.Terminal), { ssr: false });

/** The right-hand side of a lesson: the terminal, the cluster controls and the live cluster panel. */
export function Workbench({ chapter, slug, t, waits }: { chapter: string; slug: string; t: Messages; waits: boolean }) {
  const [generation, setGeneration] = useState(0);
  const base = `/api/lessons/${chapter}/${slug}`;
  const [busy, act] = useClusterAction();
  return (
    <aside className="workbench" aria-label={t.terminal}>
      <div className="controls">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            act(async () => {
              if (!window.confirm(t.resetConfirm)) return;
              await fetch(`${base}/reset`, { method: "POST" });
              setGeneration((g) => g + 1);
            })
          }
        >
          {t.reset}
        </button>
        {waits
          ? [30, 300].map((s) => (
              <button key={s} type="button" disabled={busy} onClick={() => act(async () => void (await fetch(`${base}/time`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds: s }) })))}>
                {t.fastForward} +{s < 60 ? `${s}s` : `${s / 60}m`}
              </button>
            ))
          : null}
      </div>
      <Terminal key={generation} endpoint={`${base}/commands`} />
      <ClusterPanel chapter={chapter} slug={slug} t={t} />
    </aside>
  );
}
