"use client";
import { useState } from "react";
import type { CheckResult, GradeReport } from "../../engine/index";
import type { ExerciseView } from "../lib/course";
import type { Messages } from "../lib/i18n";
import { runInTerminal } from "./run-bus";

async function post<T>(url: string): Promise<T> {
  const r = await fetch(url, { method: "POST" });
  if (!r.ok) throw new Error(((await r.json().catch(() => ({}))) as { error?: string }).error ?? r.statusText);
  return (await r.json()) as T;
}

function Result({ r, t }: { r: CheckResult; t: Messages }) {
  return (
    <li className={r.passed ? "check passed" : "check failed"}>
      <span className="mark" aria-label={r.passed ? t.passed : t.failed}>
        {r.passed ? "✓" : "✗"}
      </span>
      <span className="message">{r.message}</span>
      {r.passed ? null : (
        <span className="detail">
          {t.seen}: {r.detail}
        </span>
      )}
    </li>
  );
}

/** One exercise of a lesson: start it (its setup runs), check it, hints one by one, the solution on request. */
export function ExercisePanel({ exercise, t }: { exercise: ExerciseView; t: Messages }) {
  const base = `/api/exercises/${exercise.id}`;
  const [report, setReport] = useState<GradeReport>();
  const [hints, setHints] = useState<{ hints: string[]; more: boolean }>();
  const [solution, setSolution] = useState<string>();
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);

  const act = async (f: () => Promise<void>) => {
    setBusy(true);
    setNote(undefined);
    try {
      await f();
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="exercise" aria-labelledby={`ex-${exercise.id}`} data-exercise={exercise.id}>
      <h3 id={`ex-${exercise.id}`}>
        {exercise.kind === "troubleshooting" ? <span className="badge">{t.troubleshooting}</span> : null}
        {exercise.title}
      </h3>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => act(async () => (await post(`${base}/start`), setNote(t.started)))}>
          {t.start}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => act(async () => setReport(await post<GradeReport>(`${base}/check`)))}>
          {busy ? t.checking : t.check}
        </button>
        <button type="button" disabled={busy || hints?.more === false} onClick={() => act(async () => setHints(await post(`${base}/hint`)))}>
          {hints?.more === false ? t.noMoreHints : t.hint}
        </button>
        <button type="button" disabled={busy} onClick={() => act(async () => (window.confirm(t.solutionConfirm) ? setSolution((await post<{ solution: string }>(`${base}/solution`)).solution) : undefined))}>
          {t.solution}
        </button>
      </div>
      {note ? (
        <p className="note" role="status">
          {note}
        </p>
      ) : null}
      {report ? (
        <div className={report.passed ? "report passed" : "report failed"} role="status">
          <p>
            {report.passed ? t.passed : t.failed} · {t.score} {Math.round(report.score * 100)}%
          </p>
          <ul>
            {report.checks.map((r, i) => (
              <Result key={i} r={r} t={t} />
            ))}
          </ul>
        </div>
      ) : null}
      {hints ? (
        <ol className="hints">
          {hints.hints.map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      ) : null}
      {solution ? (
        <div className="solution">
          <pre>
            <code>{solution}</code>
          </pre>
          <button type="button" onClick={() => runInTerminal(solution)}>
            {t.runInTerminal}
          </button>
        </div>
      ) : null}
    </section>
  );
}
