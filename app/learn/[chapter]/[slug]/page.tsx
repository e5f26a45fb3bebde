import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExercisePanel } from "../../../components/exercise-panel";
import { GuestSession } from "../../../components/guest-session";
import { LessonProse } from "../../../components/lesson-prose";
import { SplitPane } from "../../../components/split-pane";
import { Workbench } from "../../../components/workbench";
import { lessonView } from "../../../lib/course";
import { messages } from "../../../lib/i18n";
import { currentLocale } from "../../../lib/locale";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ chapter: string; slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { chapter, slug } = await params;
  const lesson = lessonView(chapter, slug, await currentLocale());
  return { title: lesson ? `${lesson.title} · kubelab` : "kubelab" };
}

export default async function LessonPage({ params }: Params) {
  const { chapter, slug } = await params;
  const locale = await currentLocale();
  const lesson = lessonView(chapter, slug, locale);
  if (!lesson) notFound();
  const t = messages(locale);
  const exercises = new Map(lesson.exercises.map((e) => [e.id, e]));
  const prose = (
    <article className="lesson" lang={lesson.locale}>
      <nav className="crumbs" aria-label={t.outline}>
        <Link href="/">{t.home}</Link> › <span>{lesson.chapterTitle}</span>
      </nav>
      <h1>{lesson.title}</h1>
      {lesson.summary ? <p className="summary">{lesson.summary}</p> : null}
      {lesson.segments.map((s, i) => {
        if (s.kind === "html") return <LessonProse key={i} html={s.html} t={t} />;
        const e = exercises.get(s.id);
        return e ? <ExercisePanel key={i} exercise={e} t={t} /> : null;
      })}
      <nav className="pager" aria-label={t.outline}>
        {lesson.previous ? <Link href={`/learn/${lesson.previous.chapter}/${lesson.previous.slug}`}>← {lesson.previous.title}</Link> : <span />}
        {lesson.next ? <Link href={`/learn/${lesson.next.chapter}/${lesson.next.slug}`}>{lesson.next.title} →</Link> : <span />}
      </nav>
      <details className="outline">
        <summary>{t.outline}</summary>
        <ol>
          {lesson.outline.map((l) => (
            <li key={l.slug} aria-current={l.slug === slug ? "page" : undefined}>
              <Link href={`/learn/${l.chapter}/${l.slug}`}>{l.title}</Link>
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
  const workbench = (
    <GuestSession fallback={<aside className="workbench">{t.connecting}</aside>}>
      <Workbench chapter={chapter} slug={slug} t={t} waits={lesson.exercises.some((e) => e.waits)} />
    </GuestSession>
  );
  return <SplitPane lesson={prose} workbench={workbench} t={t} />;
}
