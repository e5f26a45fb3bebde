import Link from "next/link";
import { viewer } from "./lib/auth";
import { chapters } from "./lib/course";
import { messages } from "./lib/i18n";
import { currentLocale } from "./lib/locale";
import { progressOverview } from "./lib/progress";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const locale = await currentLocale();
  const t = messages(locale);
  const list = chapters(locale);
  const who = await viewer();
  const progress = who ? await progressOverview(who.id, locale) : undefined;
  const done = new Set(progress?.chapters.flatMap((c) => c.lessons.filter((l) => l.done).map((l) => `${l.chapter}/${l.slug}`)) ?? []);
  const resume = progress?.lastLesson ?? (list[0]?.lessons[0] ? { chapter: list[0].id, slug: list[0].lessons[0].slug } : undefined);
  return (
    <main className="home">
      <h1>kubelab</h1>
      <p className="tagline">{t.tagline}</p>
      <p>{t.intro}</p>
      {resume ? (
        <p>
          <Link className="cta" href={`/learn/${resume.chapter}/${resume.slug}`}>
            {progress?.lastLesson ? t.continueWhere : t.start} →
          </Link>
        </p>
      ) : null}
      <p>
        <Link href="/exams">{t.exams} →</Link> {t.examsTeaser}
      </p>
      <h2>{t.chapters}</h2>
      <ol className="chapters">
        {list.map((c) => (
          <li key={c.id}>
            <h3>{c.title}</h3>
            {c.summary ? <p>{c.summary}</p> : null}
            <ol className="lessons">
              {c.lessons.map((l) => (
                <li key={l.slug}>
                  <Link href={`/learn/${c.id}/${l.slug}`}>{l.title}</Link>
                  {done.has(`${c.id}/${l.slug}`) ? <span className="badge"> ✓ {t.lessonDone}</span> : null}
                  <span className="meta">
                    {l.minutes ? ` · ${l.minutes} ${t.minutes}` : ""}
                    {l.exercises.length ? ` · ${l.exercises.length} ${t.exercises}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </main>
  );
}
