import Link from "next/link";
import { ScoreChart } from "../components/exams/score-chart";
import { viewer } from "../lib/auth";
import { examMessages } from "../lib/exam-i18n";
import { pastAttempts } from "../lib/exams/attempts";
import { exams } from "../lib/exams/catalog";
import { currentLocale } from "../lib/locale";

export const dynamic = "force-dynamic";

export default async function ExamsPage() {
  const locale = await currentLocale();
  const t = examMessages(locale);
  const who = await viewer();
  const history = who ? await pastAttempts(who) : [];
  return (
    <main className="exams">
      <h1>{t.exams}</h1>
      <p>{t.examsIntro}</p>
      <ul className="exam-list">
        {exams().map((e) => {
          const timed = history.filter((a) => a.examId === e.id && a.mode === "exam" && a.total !== undefined).reverse();
          return (
            <li key={e.id}>
              <h2>
                <Link href={`/exams/${e.id}`}>{e.title[locale]}</Link>
              </h2>
              {e.description ? <p>{e.description[locale]}</p> : null}
              <p className="exam-facts">
                {e.durationMinutes} {t.minutesLong} · {e.tasks.length} {t.tasks} · {e.clusters.length} {t.clusters} · {t.passMark} {e.passMark}%
              </p>
              {timed.length ? <ScoreChart points={timed.map((a) => ({ at: a.startedAt, total: a.total ?? 0 }))} passMark={e.passMark} label={t.scoreChart} /> : null}
            </li>
          );
        })}
      </ul>
      <h2>{t.history}</h2>
      {history.length === 0 ? (
        <p>{t.noHistory}</p>
      ) : (
        <table className="attempts">
          <thead>
            <tr>
              <th scope="col">{t.exams}</th>
              <th scope="col">{t.started}</th>
              <th scope="col">{t.mode}</th>
              <th scope="col">{t.score}</th>
              <th scope="col">{t.result}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((a) => {
              const exam = exams().find((e) => e.id === a.examId);
              return (
                <tr key={a.id}>
                  <th scope="row">{exam?.title[locale] ?? a.examId}</th>
                  <td>{a.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                  <td>{a.mode === "exam" ? t.modeExam : t.modePractice}</td>
                  <td>{a.total !== undefined ? `${a.total}%` : "—"}</td>
                  <td>
                    {a.endedAt ? (
                      <Link href={`/exams/attempts/${a.id}/report`}>
                        {a.passed ? t.pass : t.fail} · {t.report}
                      </Link>
                    ) : (
                      <Link href={`/exams/attempts/${a.id}`}>
                        {t.running} · {t.resume}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
