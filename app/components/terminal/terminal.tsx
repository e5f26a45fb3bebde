"use client";
import { FitAddon } from "@xterm/addon-fit";
import { WebLinksAddon } from "@xterm/addon-web-links";
import { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Completion } from "../../terminal/line-editor/host";
import { BRACKETED_PASTE_ON, LineEditor } from "../../terminal/line-editor/line-editor";
import { commandFinished, onRunRequest } from "../run-bus";
import { answer, streamCommand, type EditRequest } from "./command-stream";
import { EditorOverlay } from "./editor-overlay";

/**
 * The lesson's terminal: xterm for the screen, the line editor for typing (history,
 * Ctrl-R, Ctrl-A/E/U/W/K, pastes), and the command route for running each finished line on
 * the learner's cluster, its output streaming in until it ends or Ctrl-C closes it.
 */
export function Terminal({ endpoint, home = "controlplane" }: { endpoint: string; home?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<EditRequest>();
  const focus = useRef<() => void>(() => undefined);
  const finishEdit = useCallback(
    (content: string | null) => {
      if (editing) void answer(editing.id, { content });
      setEditing(undefined);
      focus.current();
    },
    [editing],
  );
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const term = new XTerm({ convertEol: true, cursorBlink: true, fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace', fontSize: 14, theme: { background: "#0d1117" } });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.loadAddon(new WebLinksAddon());
    term.open(element);
    fit.fit();
    let running: AbortController | undefined;
    let prompt = `${home}:~$ `;
    let closed = false;

    // the editor draws its prompt from the start of a row: output that stopped mid-line
    // (`echo -n hi`) gets its line ended first
    let atLineStart = true;
    const show = (text: string) => {
      if (!text) return;
      term.write(text);
      atLineStart = text.endsWith("\n");
    };
    // a line the running command reads (a shell in a container) is its answer, not a command
    let reading: string | undefined;
    const run = (text: string) => {
      if (reading) {
        void answer(reading, { line: text });
        reading = undefined;
        return;
      }
      running = new AbortController();
      atLineStart = true;
      const handlers = {
        write: show,
        edit: (request: EditRequest) => setEditing(request),
        read: (request: { id: string; prompt: string }) => {
          reading = request.id;
          if (!atLineStart) show("\r\n");
          editor.prompt(request.prompt);
        },
      };
      void streamCommand(endpoint, text, handlers, running.signal).then((end) => {
        running = undefined;
        reading = undefined;
        if (closed) return;
        if (end.more) return editor.needMore();
        if (end.error) show(`\x1b[31m${end.error}\x1b[0m\r\n`);
        if (!atLineStart) show("\r\n");
        if (end.prompt) prompt = end.prompt;
        commandFinished();
        editor.prompt(prompt);
      });
    };

    const editor = new LineEditor(
      {
        write: (data) => term.write(data),
        submit: run,
        interrupt: () => {
          running?.abort();
          term.write("\r\n");
        },
        // Ctrl-D: an unfinished command runs as it is; on a node it logs out back to the
        // host the terminal opened on; that host's own shell stays (the terminal has no other)
        eof: (pending) => {
          if (reading) {
            void answer(reading, { eof: true });
            reading = undefined;
          } else if (pending) run(pending);
          else if (prompt.startsWith(`${home}:`)) editor.prompt(prompt);
          else run("exit");
        },
        clear: () => term.clear(),
        complete: async (line, cursor) => {
          const r = await fetch(endpoint.replace(/\/commands$/, "/complete"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ line, cursor }) });
          if (!r.ok) throw new Error(`completion: ${r.status}`);
          return (await r.json()) as Completion;
        },
      },
      { columns: term.cols },
    );
    focus.current = () => term.focus();
    term.write(BRACKETED_PASTE_ON);
    const typed = term.onData((data) => editor.feed(data));
    const resized = term.onResize(({ cols }) => editor.resize(cols));
    // the pane resizes every frame while its divider is dragged: fit at most once a frame,
    // outside the observer's callback (a fit there resizes what it observes), and not while
    // the pane is collapsed to nothing
    let fitting = 0;
    const observer = new ResizeObserver(() => {
      if (fitting) return;
      fitting = requestAnimationFrame(() => {
        fitting = 0;
        if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();
      });
    });
    observer.observe(element);
    const stopRuns = onRunRequest((text) => {
      term.focus();
      editor.feed(`\x1b[200~${text}\n\x1b[201~`);
    });

    void fetch(endpoint, { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ prompt: string; history: string[] }>) : undefined))
      .then((opened) => {
        if (closed) return;
        if (opened) {
          prompt = opened.prompt;
          editor.setHistory(opened.history);
        }
        editor.prompt(prompt);
        term.focus();
      });

    return () => {
      closed = true;
      running?.abort();
      stopRuns();
      observer.disconnect();
      cancelAnimationFrame(fitting);
      typed.dispose();
      resized.dispose();
      term.dispose();
    };
  }, [endpoint, home]);
  return (
    <div className="terminal-frame">
      <div ref={host} className="terminal" role="application" aria-label="terminal" />
      {editing ? <EditorOverlay request={editing} done={finishEdit} /> : null}
    </div>
  );
}
