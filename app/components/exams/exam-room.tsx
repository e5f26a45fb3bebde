"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ExamMessages } from "../../lib/exam-i18n";

// xterm touches the DOM when it loads: the terminal is rendered in the browser only.
const Terminal = dynamic(() => import("../terminal/terminal").then((m) => m.Terminal), { ssr: false });

export interface RoomTask {
  readonly id: string;
  readonly weight: number;
  /** the task's text, rendered and sanitised on the server */
  readonly html: string;
  /** `ssh cka3962` or `kubectl config use-context k8s-c1` */
  readonly access: string;
}

interface CheckResult {
  readonly passed: boolean;
  readonly message: string;
  readonly detail: string;
}

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

async function post(url: string, body?: object): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
}

/**
 * The exam room: the countdown (by the server's clock), the task list with review flags
 * and done marks, the open task with the line that reaches its cluster, and the terminal.
 * The server decides when time is up; the room only asks and follows.
 */
export function ExamRoom(props: {
  attemptId: string;
  title: string;
  mode: "exam" | "practice";
  deadline: string | null;
  serverNow: string;
  tasks: readonly RoomTask[];
  flagged: readonly string[];
  done: readonly string[];
  t: ExamMessages;
}) {
  const { attemptId, tasks, t } = props;
  const router = useRouter();
  const api = `/api/exam-attempts/${attemptId}`;
  const [current, setCurrent] = useState(0);
  const [flagged, setFlagged] = useState(new Set(props.flagged));
  const [done, setDone] = useState(new Set(props.done));
  const [left, setLeft] = useState<number | undefined>();
  const [ending, setEnding] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [results, setResults] = useState<Record<string, readonly CheckResult[] | "checking">>({});
  const skew = useRef(0);

  const followEnd = useCallback(async () => {
    const r = await fetch(api, { cache: "no-store" });
    const s = (await r.json().catch(() => ({}))) as { ended?: boolean };
    if (s.ended) router.push(`/exams/attempts/${attemptId}/report`);
    return s.ended === true;
  }, [api, attemptId, router]);

  useEffect(() => {
    skew.current = Date.parse(props.serverNow) - Date.now();
  }, [props.serverNow]);

  useEffect(() => {
    if (!props.deadline) return;
    const deadline = Date.parse(props.deadline);
    let asked = false;
    const tick = () => {
      const ms = deadline - (Date.now() + skew.current);
      setLeft(ms);
      if (ms <= 0 && !asked) {
        asked = true;
        setEnding(t.timeUp);
        const retry = async () => {
          if (!(await followEnd())) setTimeout(() => void retry(), 2000);
        };
        void retry();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [props.deadline, followEnd, t.timeUp]);

  // another tab may have submitted the attempt
  useEffect(() => {
    const timer = setInterval(() => void followEnd(), 30_000);
    return () => clearInterval(timer);
  }, [followEnd]);

  const task = tasks[current];
  useEffect(() => {
    void post(`${api}/state`, { open: task.id });
    setCopied(false);
  }, [api, task.id]);

  const toggle = async (kind: "flag" | "done", on: boolean) => {
    const r = await post(`${api}/state`, { [kind]: task.id, on });
    if (r.status === 409) return void followEnd();
    if (!r.ok) return;
    const s = (await r.json()) as { flagged: string[]; done: string[] };
    setFlagged(new Set(s.flagged));
    setDone(new Set(s.done));
  };

  const submit = async () => {
    if (!window.confirm(t.submitConfirm)) return;
    setEnding(t.submitting);
    const r = await post(`${api}/submit`);
    const answer = (await r.json().catch(() => ({}))) as { url?: string };
    if (answer.url) router.push(answer.url);
    else setEnding(undefined);
  };

  const check = async () => {
    setResults((old) => ({ ...old, [task.id]: "checking" }));
    const r = await post(`${api}/check`, { task: task.id });
    if (r.status === 409) return void followEnd();
    const report = (await r.json().catch(() => ({}))) as { checks?: CheckResult[] };
    setResults((old) => ({ ...old, [task.id]: report.checks ?? [] }));
  };

  const result = results[task.id];
  const urgent = left !== undefined && left < 10 * 60_000;
  return (
    <div className="exam-room">
      <header className="exam-bar">
        <h1>{props.title}</h1>
        {props.mode === "exam" ? (
          <p className={`countdown${urgent ? " urgent" : ""}`} role="timer" aria-label={t.timeLeft}>
            {t.timeLeft} <strong data-testid="countdown">{left === undefined ? "--:--:--" : clock(left)}</strong>
          </p>
        ) : (
          <p className="countdown">{t.modePractice}</p>
        )}
        <button type="button" className="cta" onClick={() => void submit()} disabled={ending !== undefined}>
          {t.submit}
        </button>
      </header>
      {ending ? (
        <p className="exam-ending" role="status">
          {ending}
        </p>
      ) : null}
      <div className="exam-body">
        <nav className="exam-tasks" aria-label={t.taskList}>
          <ol>
            {tasks.map((x, i) => (
              <li key={x.id}>
                <button type="button" aria-current={i === current ? "step" : undefined} onClick={() => setCurrent(i)}>
                  <span>
                    {t.task} {i + 1}
                  </span>
                  <small>
                    {x.weight}%{flagged.has(x.id) ? ` · ⚑ ${t.flagged}` : ""}
                    {done.has(x.id) ? ` · ✓ ${t.done}` : ""}
                  </small>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <section className="exam-task" aria-labelledby="task-title">
          <h2 id="task-title">
            {t.task} {current + 1} <small>({t.weight} {task.weight}%)</small>
          </h2>
          <p className="access">
            {t.accessLine} <code data-testid="access-line">{task.access}</code>{" "}
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard?.writeText(task.access).then(() => setCopied(true));
              }}
            >
              {copied ? t.copied : t.copy}
            </button>
          </p>
          <div className="task-text" dangerouslySetInnerHTML={{ __html: task.html }} />
          <p className="task-marks">
            <button type="button" aria-pressed={flagged.has(task.id)} onClick={() => void toggle("flag", !flagged.has(task.id))}>
              ⚑ {flagged.has(task.id) ? t.unflag : t.flag}
            </button>{" "}
            <button type="button" aria-pressed={done.has(task.id)} onClick={() => void toggle("done", !done.has(task.id))}>
              ✓ {done.has(task.id) ? t.unmarkDone : t.markDone}
            </button>
            {props.mode === "practice" ? (
              <>
                {" "}
                <button type="button" onClick={() => void check()} disabled={result === "checking"}>
                  {result === "checking" ? t.checking : t.checkTask}
                </button>
              </>
            ) : null}
          </p>
          {result && result !== "checking" ? (
            <ul className="check-results" aria-live="polite">
              {result.map((c, i) => (
                <li key={i} className={c.passed ? "pass" : "fail"}>
                  {c.passed ? "✓" : "✗"} {c.message} <small>{c.detail}</small>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <aside className="exam-terminal" aria-label="terminal">
          <Terminal endpoint={`${api}/commands`} home="base" />
        </aside>
      </div>
    </div>
  );
}
