"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { GuestSession } from "../guest-session";

/** The start page's buttons: a timed attempt or practice, made on the server, then the room. */
export function StartExam({ examId, labels }: { examId: string; labels: { exam: string; practice: string; starting: string; connecting: string } }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const start = async (mode: "exam" | "practice") => {
    setBusy(true);
    setError(undefined);
    const r = await fetch(`/api/exams/${examId}/attempts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ mode }) });
    const answer = (await r.json().catch(() => ({}))) as { url?: string; error?: string };
    if (r.ok && answer.url) return router.push(answer.url);
    setBusy(false);
    setError(answer.error ?? `the server answered ${r.status}`);
  };
  return (
    <GuestSession fallback={<p>{labels.connecting}</p>}>
      <p className="exam-start">
        <button type="button" className="cta" disabled={busy} onClick={() => void start("exam")}>
          {labels.exam}
        </button>{" "}
        <button type="button" disabled={busy} onClick={() => void start("practice")}>
          {labels.practice}
        </button>
      </p>
      {busy ? <p role="status">{labels.starting}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
    </GuestSession>
  );
}
