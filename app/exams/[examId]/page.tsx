import Link from "next/link";
import { notFound } from "next/navigation";
import { InlineCode } from "../../components/exams/inline-code";
import { StartExam } from "../../components/exams/start-exam";
import { viewer } from "../../lib/auth";
import { examMessages, fill } from "../../lib/exam-i18n";
import { pastAttempts } from "../../lib/exams/attempts";
import { examById } from "../../lib/exams/catalog";
import { messages } from "../../lib/i18n";
import { currentLocale } from "../../lib/locale";

export const dynamic = "force-dynamic";

export default async function ExamStartPage({ params }: { params: Promise<{ examId: string }> }) {
  const { examId } = await params;
  const exam = examById(examId);
  if (!exam) notFound();
  const locale = await currentLocale();
  const t = examMessages(locale);
  const who = await viewer();
  const running = who ? (await pastAttempts(who)).filter((a) => a.examId === exam.id && !a.endedAt) : [];
  return (
    <main className="exam-start-page">
      <p>
        <Link href="/exams">← {t.backToExams}</Link>
      </p>
      <h1>{exam.title[locale]}</h1>
      {exam.description ? <p>{exam.description[locale]}</p> : null}
      <p className="exam-facts">
        {exam.durationMinutes} {t.minutesLong} · {exam.tasks.length} {t.tasks} · {exam.clusters.length} {t.clusters} ({exam.clusters.map((c) => c.name).join(", ")}) · {t.passMark} {exam.passMark}%
      </p>
      <h2>{t.rules}</h2>
      <ul className="exam-rules">
        <li>
          <InlineCode text={t.ruleTimer} />
        </li>
        <li>
          <InlineCode text={exam.access === "ssh" ? t.ruleSsh : t.ruleContext} />
        </li>
        <li>
          <InlineCode text={t.ruleTools} />
        </li>
        <li>
          <InlineCode text={fill(t.ruleGrading, { passMark: exam.passMark })} />
        </li>
        <li>
          <InlineCode text={t.practiceNote} />
        </li>
      </ul>
      {running.length ? (
        <p>
          {running.map((a) => (
            <Link key={a.id} className="cta" href={`/exams/attempts/${a.id}`}>
              {t.resume} ({a.mode === "exam" ? t.modeExam : t.modePractice}) →
            </Link>
          ))}
        </p>
      ) : null}
      <StartExam
        examId={exam.id}
        labels={{ exam: fill(t.startExam, { minutes: exam.durationMinutes }), practice: t.startPractice, starting: t.starting, connecting: messages(locale).connecting }}
      />
    </main>
  );
}
