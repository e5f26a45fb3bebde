"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { GradeReport } from "../../engine/index";
import type { Problem } from "../../lessons/loader/problem";
import type { DraftView } from "../lib/author";
import type { Messages } from "../lib/i18n";
import { LessonProse } from "./lesson-prose";
import { useClusterAction } from "./use-cluster-action";

const Terminal = dynamic(() => import("./terminal/terminal").then((m) => m.Terminal), { ssr: false });

type Proved = { problems: Problem[]; proofs: { id: string; problems: Problem[]; before: GradeReport; after?: GradeReport }[] };

async function post<T>(url: string, data: object): Promise<T> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(data) });
  const json = (await r.json()) as T & { error?: string };
  if (!r.ok) throw new Error(json.error ?? r.statusText);
  return json;
}

/** /author: paste or edit a lesson, see it rendered, prove it, and try its exercises in a scratch cluster. */
export function AuthorStudio({ t, chapters, initial }: { t: Messages; chapters: readonly string[]; initial: string }) {
  const [markdown, setMarkdown] = useState(initial);
  const [locale, setLocale] = useState<"ko" | "en">("ko");
  const [chapter, setChapter] = useState(chapters[0] ?? "pods");
  const [view, setView] = useState<DraftView>();
  const [proved, setProved] = useState<Proved>();
  const [reports, setReports] = useState<Record<string, GradeReport | string>>({});
  const [generation, setGeneration] = useState(0);
  const [busy, act] = useClusterAction();
  const draft = { markdown, locale };
  return (
    <div className="author-layout">
      <section className="author-editor" aria-label="lesson source">
        <div className="controls">
          <label>
            locale{" "}
            <select value={locale} onChange={(e) => setLocale(e.target.value as "ko" | "en")}>
              <option value="ko">ko</option>
              <option value="en">en</option>
            </select>
          </label>
          <label>
            chapter{" "}
            <select value={chapter} onChange={(e) => setChapter(e.target.value)}>
              {chapters.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => act(async () => setView(await post<DraftView>("/api/author/preview", { ...draft, chapter })))}>
            Preview
          </button>
          <button type="button" disabled={busy} onClick={() => act(async () => setProved(await post<Proved>("/api/author/prove", draft)))}>
            Self-check
          </button>
        </div>
        <textarea aria-label="lesson Markdown" spellCheck={false} value={markdown} onChange={(e) => setMarkdown(e.target.value)} />
        {proved ? (
          <div className="report" role="status">
            <p>{proved.problems.length === 0 ? `ok: ${proved.proofs.length} exercise(s) proved` : `${proved.problems.length} problem(s)`}</p>
            <ul>
              {proved.problems.map((p, i) => (
                <li key={i}>
                  <code>line {p.line}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {view ? (
          <article className="lesson preview" lang={locale}>
            {view.title ? <h1>{view.title}</h1> : null}
            {view.problems.map((p, i) => (
              <p key={i} role="alert">
                line {p.line}: {p.message}
              </p>
            ))}
            {view.segments.map((s, i) => {
              if (s.kind === "html") return <LessonProse key={i} html={s.html} t={t} />;
              const e = view.exercises.find((x) => x.id === s.id);
              if (!e) return null;
              const r = reports[e.id];
              return (
                <section key={i} className="exercise" aria-label={e.title}>
                  <h3>{e.title}</h3>
                  <div className="actions">
                    <button type="button" disabled={busy} onClick={() => act(async () => (await post("/api/author/exercise", { ...draft, id: e.id, action: "start" }), setReports((x) => ({ ...x, [e.id]: t.started }))))}>
                      {t.start}
                    </button>
                    <button type="button" className="primary" disabled={busy} onClick={() => act(async () => setReports({ ...reports, [e.id]: await post<GradeReport>("/api/author/exercise", { ...draft, id: e.id, action: "check" }) }))}>
                      {t.check}
                    </button>
                  </div>
                  {typeof r === "string" ? <p role="status">{r}</p> : null}
                  {r && typeof r !== "string" ? (
                    <ul className="report" role="status">
                      {r.checks.map((c, j) => (
                        <li key={j} className={c.passed ? "check passed" : "check failed"}>
                          <span className="mark">{c.passed ? "✓" : "✗"}</span>
                          <span>
                            {c.message} <span className="detail">({c.detail})</span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </section>
              );
            })}
          </article>
        ) : null}
      </section>
      <aside className="workbench" aria-label={t.terminal}>
        <div className="controls">
          <button type="button" disabled={busy} onClick={() => act(async () => (await fetch("/api/author/reset", { method: "POST" }), setGeneration((g) => g + 1)))}>
            {t.reset}
          </button>
        </div>
        <Terminal key={generation} endpoint="/api/author/commands" />
      </aside>
    </div>
  );
}
