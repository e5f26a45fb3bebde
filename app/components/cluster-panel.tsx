"use client";
import { useCallback, useEffect, useState } from "react";
import type { ClusterPicture, PodBox } from "../lib/cluster-view";
import type { Messages } from "../lib/i18n";
import { onCommandFinished } from "./run-bus";

function Pod({ pod }: { pod: PodBox }) {
  return (
    <li className={`pod tone-${pod.tone}`} title={`${pod.namespace}/${pod.name}: ${pod.status} (${pod.ready})`}>
      <span className="pod-name">{pod.name}</span>
      <span className="pod-status">{pod.status}</span>
    </li>
  );
}

/** Nodes as boxes with their pods inside, coloured by status; refreshed after each command. */
export function ClusterPanel({ chapter, slug, t }: { chapter: string; slug: string; t: Messages }) {
  const [picture, setPicture] = useState<ClusterPicture>();
  const [showSystem, setShowSystem] = useState(false);
  const refresh = useCallback(async () => {
    const r = await fetch(`/api/lessons/${chapter}/${slug}/cluster`, { cache: "no-store" });
    if (r.ok) setPicture((await r.json()) as ClusterPicture);
  }, [chapter, slug]);
  useEffect(() => {
    void refresh();
    return onCommandFinished(() => void refresh());
  }, [refresh]);
  if (!picture) return null;
  const visible = (p: PodBox) => showSystem || p.namespace !== "kube-system";
  return (
    <section className="cluster-panel" aria-label={t.cluster}>
      <header>
        <h2>{t.cluster}</h2>
        <label>
          <input type="checkbox" checked={showSystem} onChange={(e) => setShowSystem(e.target.checked)} /> kube-system
        </label>
      </header>
      <div className="nodes">
        {picture.nodes.map((n) => (
          <div key={n.name} className={`node${n.ready ? "" : " not-ready"}${n.schedulable ? "" : " cordoned"}`}>
            <h3>
              {n.name}
              <small>{[...n.roles, n.schedulable ? "" : "SchedulingDisabled"].filter(Boolean).join(", ")}</small>
            </h3>
            <ul>{n.pods.filter(visible).map((p) => <Pod key={`${p.namespace}/${p.name}`} pod={p} />)}</ul>
          </div>
        ))}
        {picture.unscheduled.length ? (
          <div className="node unscheduled">
            <h3>{t.unscheduled}</h3>
            <ul>{picture.unscheduled.filter(visible).map((p) => <Pod key={`${p.namespace}/${p.name}`} pod={p} />)}</ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
