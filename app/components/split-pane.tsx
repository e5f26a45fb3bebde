"use client";
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { flushSync } from "react-dom";
import type { Messages } from "../lib/i18n";
import { onRunRequest } from "./run-bus";
import { DEFAULT_SPLIT, SPLIT_KEY, clampSplit, parseSplit, splitAfterKey, splitBounds, type SplitBounds } from "./split-position";

type View = "lesson" | "terminal";

// Runs while the HTML is parsed, before the first paint and long before React hydrates, so
// a remembered split does not make the panes jump. It reads the value as parseSplit does.
const RESTORE_SPLIT = `try{var v=parseFloat(localStorage.getItem(${JSON.stringify(SPLIT_KEY)}));if(v>0&&v<100)document.currentScript.parentElement.style.setProperty("--lesson-split",v+"%")}catch(e){}`;

function recall(): number | undefined {
  try {
    return parseSplit(localStorage.getItem(SPLIT_KEY));
  } catch {
    return undefined;
  }
}

function remember(split: number | undefined): void {
  try {
    if (split === undefined) localStorage.removeItem(SPLIT_KEY);
    else localStorage.setItem(SPLIT_KEY, String(split));
  } catch {
    // storage may be off (private browsing): the split then lasts until the page closes
  }
}

/**
 * The lesson page's two panes. On a wide screen they sit side by side with a divider the
 * learner drags or moves with the arrow keys, remembered in the browser; on a narrow one a
 * tab bar shows one pane at a time, and "run in terminal" brings the terminal forward.
 */
export function SplitPane({ lesson, workbench, t }: { lesson: ReactNode; workbench: ReactNode; t: Messages }) {
  const layout = useRef<HTMLDivElement>(null);
  const handle = useRef<HTMLDivElement>(null);
  const [split, setSplit] = useState(DEFAULT_SPLIT);
  const [bounds, setBounds] = useState<SplitBounds>({ min: 0, max: 100 });
  const [dragging, setDragging] = useState(false);
  const dragged = useRef<number>(undefined);
  const [view, setView] = useState<View>("lesson");
  const id = useId();
  const lessonId = `${id}-lesson`;
  const workbenchId = `${id}-workbench`;

  useLayoutEffect(() => {
    setSplit(recall() ?? DEFAULT_SPLIT);
    const element = layout.current;
    if (!element) return;
    const measure = () => setBounds(splitBounds(element.clientWidth, handle.current?.offsetWidth ?? 0));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The terminal's own listener focuses it; it subscribes after this one (it loads later),
  // so the pane is already shown, synchronously, when it does.
  useEffect(() => onRunRequest(() => flushSync(() => setView("terminal"))), []);

  const shown = Math.round(clampSplit(split, bounds));
  const fromPointer = (clientX: number) => {
    const box = layout.current?.getBoundingClientRect();
    if (!box || box.width === 0) return split;
    const half = (handle.current?.offsetWidth ?? 0) / 2;
    const percent = ((clientX - box.left - half) / box.width) * 100;
    return clampSplit(Math.round(percent * 10) / 10, bounds);
  };

  const handlers = {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0) return;
      e.preventDefault();
      e.currentTarget.focus();
      e.currentTarget.setPointerCapture(e.pointerId);
      dragged.current = undefined;
      setDragging(true);
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
      dragged.current = fromPointer(e.clientX);
      setSplit(dragged.current);
    },
    // released on pointerup and on pointercancel alike; a click without a move stores nothing
    onLostPointerCapture: () => {
      setDragging(false);
      if (dragged.current !== undefined) remember(dragged.current);
    },
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      const next = splitAfterKey(e.key, shown, bounds, e.shiftKey);
      if (next === undefined) return;
      e.preventDefault();
      setSplit(next);
      remember(next);
    },
    onDoubleClick: () => {
      setSplit(DEFAULT_SPLIT);
      remember(undefined);
    },
  };

  // the tabs follow the tabs pattern: arrows move between them, and moving selects
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const next: View = e.key === "Home" ? "lesson" : e.key === "End" ? "terminal" : view === "lesson" ? "terminal" : "lesson";
    setView(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-view="${next}"]`)?.focus();
  };
  const tab = (which: View, label: string) => (
    <button type="button" role="tab" data-view={which} aria-selected={view === which} aria-controls={which === "lesson" ? lessonId : workbenchId} tabIndex={view === which ? 0 : -1} onClick={() => setView(which)}>
      {label}
    </button>
  );

  return (
    <div
      ref={layout}
      className="lesson-layout"
      data-view={view}
      data-dragging={dragging || undefined}
      style={{ "--lesson-split": `${split}%` } as CSSProperties}
      // the script below may have set the remembered split before React got here
      suppressHydrationWarning
    >
      <script dangerouslySetInnerHTML={{ __html: RESTORE_SPLIT }} />
      <div className="pane-tabs" role="tablist" aria-label={t.paneSwitch} onKeyDown={onTabKey}>
        {tab("lesson", t.lessonPane)}
        {tab("terminal", t.terminal)}
      </div>
      <div className="lesson-pane" id={lessonId}>
        {lesson}
      </div>
      <div
        ref={handle}
        className="split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={t.paneResize}
        aria-controls={lessonId}
        aria-valuemin={bounds.min}
        aria-valuemax={bounds.max}
        aria-valuenow={shown}
        tabIndex={0}
        {...handlers}
      />
      <div className="workbench-pane" id={workbenchId}>
        {workbench}
      </div>
    </div>
  );
}
