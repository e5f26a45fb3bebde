"use client";
import { yaml } from "@codemirror/lang-yaml";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { Vim, vim } from "@replit/codemirror-vim";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";
import type { EditRequest } from "./command-stream";

// `:w`/`:wq`/`:x` save and `:q`/`:q!` leave, for the editor showing right now (the vim
// ex commands are global, so they act through this one slot).
let current: { save: (close: boolean) => void; quit: () => void } | undefined;
Vim.defineEx("write", "w", () => current?.save(false));
Vim.defineEx("wq", "wq", () => current?.save(true));
Vim.defineEx("xit", "x", () => current?.save(true));
Vim.defineEx("quit", "q", () => current?.quit());

/**
 * The terminal's editor (vi, vim, nano, `kubectl edit`): CodeMirror with vim keys and YAML
 * highlighting over the terminal. `:wq` (or the Save button) gives the text back, `:q!` (or
 * Cancel) leaves the file as it was.
 */
export function EditorOverlay({ request, done }: { request: EditRequest; done: (content: string | null) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  useEffect(() => {
    if (!host.current) return;
    let saved: string | null = null;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: request.content,
        extensions: [vim(), basicSetup, yaml(), EditorView.theme({ "&": { height: "100%" }, ".cm-scroller": { fontFamily: "var(--font-mono)" } }), keymap.of([])],
      }),
    });
    view.current = editor;
    current = {
      save: (close) => {
        saved = editor.state.doc.toString();
        if (close) done(saved);
      },
      quit: () => done(saved),
    };
    editor.focus();
    return () => {
      current = undefined;
      editor.destroy();
    };
  }, [request, done]);
  return (
    <div className="editor-overlay" role="dialog" aria-label={`editing ${request.path || "a new file"}`}>
      <div className="editor-bar">
        <code>{request.path || "[No Name]"}</code>
        <span className="hint">:wq save · :q! cancel</span>
        <button type="button" className="primary" onClick={() => done(view.current?.state.doc.toString() ?? request.content)}>
          Save
        </button>
        <button type="button" onClick={() => done(null)}>
          Cancel
        </button>
      </div>
      <div ref={host} className="editor-host" />
    </div>
  );
}
