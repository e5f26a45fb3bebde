"use client";
import { useEffect, useRef } from "react";
import type { Messages } from "../lib/i18n";
import { runInTerminal } from "./run-bus";

const RUNNABLE = /language-(sh|bash|shell|console)\b/;

/**
 * A block of the lesson's sanitised HTML. Shell code blocks get a "run in terminal" and a
 * "copy" button (added in the browser: the HTML itself carries no script or handlers).
 */
export function LessonProse({ html, t }: { html: string; t: Messages }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    for (const code of Array.from(root.querySelectorAll("pre > code"))) {
      const pre = code.parentElement;
      if (!pre || pre.dataset.enhanced) continue;
      pre.dataset.enhanced = "1";
      // a code block wider than the column scrolls: keyboard users must be able to reach it
      pre.tabIndex = 0;
      const text = (code.textContent ?? "").replace(/\n$/, "");
      const bar = document.createElement("div");
      bar.className = "code-actions";
      const button = (label: string, onClick: (b: HTMLButtonElement) => void) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = label;
        b.addEventListener("click", () => onClick(b));
        bar.append(b);
      };
      if (RUNNABLE.test(code.className)) button(t.runInTerminal, () => runInTerminal(text));
      button(t.copy, (b) => {
        void navigator.clipboard?.writeText(text).then(() => {
          b.textContent = t.copied;
          setTimeout(() => (b.textContent = t.copy), 1500);
        });
      });
      pre.before(bar);
    }
  }, [html, t]);
  return <div ref={ref} className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
