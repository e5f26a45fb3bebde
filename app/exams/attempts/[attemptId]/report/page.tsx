import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { CheckResult } from "../../../../../engine/index";
import { viewer } from "../../../../lib/auth";
import { examMessages } from "../../../../lib/exam-i18n";
import { openAttempt } from "../../../../lib/exams/attempts";
import { currentLocale } from "../../../../lib/locale";
import { lessonSegments } from "../../../../lib/lesson-html";

export const dynamic = "force-dynamic";

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

function Checks({ checks }: { checks: readonly CheckResult[] }) {
  return (
    <ul className="check-results">
      {checks.map((c, i) => (
        <li key={i} className={c.passed ? "pass" : "fail"}>
          {c.passed ? "✓" : "✗"} {c.message} {c.weight !== 1 ? <small>(×{c.weight})</small> : null} <small>{c.detail}</small>
          {c.children ? <Checks checks={c.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function ExamReportPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const locale = await currentLocale();
  const t = examMessages(locale);
  const who = await viewer();
  if (!who) notFound();
  const attempt = await openAttempt(who, attemptId);
  if (!attempt) notFound();
  if (!attempt.endedAt || !attempt.report) redirect(`/exams/attempts/${attempt.id}`);
  const report = attempt.report;
  const used = attempt.endedAt.getTime() - attempt.startedAt.getTime();
  return (
    <main className="exam-report">
      <p>
        <Link href="/exams">← {t.backToExams}</Link>
      </p>
      <h1>
        {attempt.exam.title[locale]} — {t.reportTitle}
      </h1>
      <p className={`verdict ${report.passed ? "pass" : "fail"}`} data-testid="verdict">
        {t.total}: <strong data-testid="total">{report.total}%</strong> · {report.passed ? t.pass : t.fail} ({t.passMark} {report.passMark}%)
      </p>
      <p>
        {attempt.mode === "exam" ? t.modeExam : t.modePractice} · {attempt.endedBy === "deadline" ? t.endedByDeadline : t.endedBySubmit} · {t.timeUsed} {minutes(used)}
      </p>
      <table className="attempts">
        <thead>
          <tr>
            <th scope="col">{t.task}</th>
            <th scope="col">{t.points}</th>
            <th scope="col">{t.weight}</th>
            <th scope="col">{t.timeUsed}</th>
          </tr>
        </thead>
        <tbody>
          {report.tasks.map((r, i) => (
            <tr key={r.id} data-testid={`score-${r.id}`}>
              <th scope="row">
                <a href={`#task-${r.id}`}>
                  {t.task} {i + 1}
                </a>
              </th>
              <td>{r.points}</td>
              <td>{r.weight}</td>
              <td>{minutes(r.timeMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.tasks.map((r, i) => {
        const task = attempt.instance.tasks.find((x) => x.id === r.id);
        const html = task ? lessonSegments(task.text[locale], "exams").map((s) => (s.kind === "html" ? s.html : "")).join("") : "";
        return (
          <section key={r.id} id={`task-${r.id}`} className="report-task" aria-labelledby={`task-${r.id}-title`}>
            <h2 id={`task-${r.id}-title`}>
              {t.task} {i + 1}: {r.points} / {r.weight}
            </h2>
            <div className="task-text" dangerouslySetInnerHTML={{ __html: html }} />
            <h3>{t.checks}</h3>
            <Checks checks={r.checks[locale]} />
            <div className="report-compare">
              <div>
                <h3>{t.solution}</h3>
                {/* focusable: a long block scrolls, and keyboard users must reach it too */}
                <pre tabIndex={0}>{r.solution}</pre>
              </div>
              <div>
                <h3>{t.yourCluster}</h3>
                {r.evidence.length === 0 ? <p>{t.noEvidence}</p> : null}
                {r.evidence.map((e) => (
                  <details key={e.label} open={r.evidence.length <= 2}>
                    <summary>
                      <code>{e.label}</code>
                    </summary>
                    <pre tabIndex={0}>{e.text}</pre>
                  </details>
                ))}
              </div>
            </div>
          </section>
        );
      })}
      <p>
        <Link href={`/exams/${attempt.exam.id}`}>{t.tryAgain} →</Link>
      </p>
    </main>
  );
}
