import Link from "next/link";
import { GuestSession } from "../components/guest-session";
import { viewer } from "../lib/auth";
import { messages } from "../lib/i18n";
import { currentLocale } from "../lib/locale";
import { progressOverview } from "../lib/progress";

export const dynamic = "force-dynamic";

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? `${minutes}m` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

export default async function ProgressPage() {
  const locale = await currentLocale();
  const t = messages(locale);
  const who = await viewer();
  if (!who) {
    return (
      <main>
        <h1>{t.progress}</h1>
        <GuestSession fallback={<p>{t.connecting}</p>}>
          <p>
            <Link href="/progress">{t.progress} →</Link>
          </p>
        </GuestSession>
      </main>
    );
  }
  const overview = await progressOverview(who.id, locale);
  const total = overview.chapters.reduce((n, c) => n + c.lessons.reduce((m, l) => m + l.activeMs, 0), 0);
  return (
    <main className="progress">
      <h1>{t.progress}</h1>
      <p>
        {t.timeSpent}: {duration(total)}
        {overview.lastLesson ? (
          <>
            {" · "}
            <Link href={`/learn/${overview.lastLesson.chapter}/${overview.lastLesson.slug}`}>{t.continueWhere} →</Link>
          </>
        ) : null}
      </p>
      {overview.chapters.map((c) => {
        const done = c.lessons.filter((l) => l.done).length;
        return (
          <section key={c.id} aria-labelledby={`chapter-${c.id}`}>
            <h2 id={`chapter-${c.id}`}>
              {c.title} <small>({done}/{c.lessons.length})</small>
            </h2>
            <table>
              <tbody>
                {c.lessons.map((l) => (
                  <tr key={l.slug}>
                    <th scope="row">
                      <Link href={`/learn/${l.chapter}/${l.slug}`}>{l.title}</Link> {l.done ? <span className="badge">{t.lessonDone}</span> : null}
                    </th>
                    <td>{duration(l.activeMs)}</td>
                    <td>
                      {l.exercises.map((e) => (
                        <span key={e.id} className={e.passed ? "score passed" : "score"} title={`${e.id}: ${Math.round(e.bestScore * 100)}%${e.hintsShown ? `, ${e.hintsShown} ${t.hintsUsed}` : ""}${e.solutionShown ? `, ${t.solutionSeen}` : ""}`}>
                          {Math.round(e.bestScore * 100)}%
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </main>
  );
}
