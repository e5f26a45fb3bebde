"use client";
import { FitAddon } from "@xterm/addon-fit";
import { WebLinksAddon } from "@xterm/addon-web-links";
import { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import { BRACKETED_PASTE_ON, LineEditor } from "../../terminal/line-editor/line-editor";
import { commandFinished, onRunRequest } from "../run-bus";
import { streamCommand } from "./command-stream";

/**
 * The lesson's terminal: xterm for the screen, the line editor for typing (history,
 * Ctrl-R, Ctrl-A/E/U/W/K, pastes), and the command route for running each finished line on
 * the learner's cluster, its output streaming in until it ends or Ctrl-C closes it.
 */
export function Terminal({ endpoint }: { endpoint: string }) {
  const host = useRef<HTMLDivElement>(null);
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
    let prompt = "controlplane:~$ ";
    let closed = false;

    // the editor draws its prompt from the start of a row: output that stopped mid-line
    // (`echo -n hi`) gets its line ended first
    let atLineStart = true;
    const show = (text: string) => {
      if (!text) return;
      term.write(text);
      atLineStart = text.endsWith("\n");
    };
    const run = (text: string) => {
      running = new AbortController();
      atLineStart = true;
      void streamCommand(endpoint, text, show, running.signal).then((end) => {
        running = undefined;
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
        // control plane; the control plane's own shell stays (the terminal has no other)
        eof: (pending) => (pending ? run(pending) : prompt.startsWith("controlplane:") ? editor.prompt(prompt) : run("exit")),
        clear: () => term.clear(),
        complete: () => Promise.reject(new Error("no completion yet")),
      },
      { columns: term.cols },
    );
    term.write(BRACKETED_PASTE_ON);
    const typed = term.onData((data) => editor.feed(data));
    const resized = term.onResize(({ cols }) => editor.resize(cols));
    const observer = new ResizeObserver(() => fit.fit());
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
      typed.dispose();
      resized.dispose();
      term.dispose();
    };
  }, [endpoint]);
  return <div ref={host} className="terminal" role="application" aria-label="terminal" />;
}
