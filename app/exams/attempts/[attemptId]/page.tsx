import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ExamRoom } from "../../../components/exams/exam-room";
import { viewer } from "../../../lib/auth";
import { examMessages } from "../../../lib/exam-i18n";
import { openAttempt } from "../../../lib/exams/attempts";
import { currentLocale } from "../../../lib/locale";
import { lessonSegments } from "../../../lib/lesson-html";

export const dynamic = "force-dynamic";

function taskHtml(markdown: string): string {
  return lessonSegments(markdown, "exams")
    .map((s) => (s.kind === "html" ? s.html : ""))
    .join("");
}

export default async function ExamRoomPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const locale = await currentLocale();
  const t = examMessages(locale);
  const who = await viewer();
  if (!who) {
    return (
      <main>
        <p>
          <Link href="/exams">{t.backToExams} →</Link>
        </p>
      </main>
    );
  }
  const attempt = await openAttempt(who, attemptId);
  if (!attempt) notFound();
  if (attempt.endedAt) redirect(`/exams/attempts/${attempt.id}/report`);
  // only what the candidate may see: texts, weights, access lines; no checks, no solutions
  const tasks = attempt.instance.tasks.map((task) => ({ id: task.id, weight: task.weight, html: taskHtml(task.text[locale]), access: task.access }));
  return (
    <main className="exam-main">
      <ExamRoom
        attemptId={attempt.id}
        title={attempt.exam.title[locale]}
        mode={attempt.mode}
        deadline={attempt.deadline?.toISOString() ?? null}
        serverNow={new Date().toISOString()}
        tasks={tasks}
        flagged={attempt.state.flagged}
        done={attempt.state.done}
        t={t}
      />
    </main>
  );
}
