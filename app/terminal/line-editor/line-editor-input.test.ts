import { describe, expect, it } from "vitest";
import { RecordingHost, type Event, K, PROMPT, session } from "./test-support";
import { LineEditor } from "./line-editor";

const w = (bytes: string): Event => ["write", bytes];

describe("LineEditor: pastes", () => {
  it("a bracketed paste of two lines runs them one after the other, as if typed", () => {
    const s = session();
    expect(s.type(K.paste("ls\npwd\n"))).toEqual([w("ls\r\n"), ["submit", "ls"]]);
    s.editor.prompt(PROMPT);
    expect(s.host.take()).toEqual([w(`${PROMPT}pwd\r\n`), ["submit", "pwd"]]);
    s.editor.prompt(PROMPT);
    expect(s.host.take()).toEqual([w(PROMPT)]);
  });

  it("a pasted last line without a newline waits in the line for Enter", () => {
    const s = session();
    s.type(K.paste("ls\npw"));
    s.editor.prompt(PROMPT);
    expect(s.host.take()).toEqual([w(`${PROMPT}pw`)]);
  });

  it("a paste without bracketed paste mode (CR line ends) behaves the same", () => {
    const s = session();
    expect(s.type("ls\rpwd\r")).toEqual([w("ls\r\n"), ["submit", "ls"]]);
    s.editor.prompt(PROMPT);
    expect(s.host.take()).toEqual([w(`${PROMPT}pwd\r\n`), ["submit", "pwd"]]);
  });

  it("a pasted tab is text (drawn to the next tab stop), not completion", () => {
    expect(session().type(K.paste("a\tb"))).toEqual([w("a       b")]);
  });

  it("a Ctrl-C inside a paste is dropped, not an interrupt", () => {
    expect(session().type(K.paste("echo\x03 hi"))).toEqual([w("echo hi")]);
  });

  it("a paste inserted in the middle of the line", () => {
    expect(session().type("kubectl pods", K.ctrl("a"), K.alt("f"), K.paste(" get"))).toEqual([w("kubectl pods\x1b[12D\x1b[7C\x1b[1Cget pods\x1b[5D")]);
  });

  it("a host that shows the next prompt from inside submit gets the lines in order", () => {
    const s = session();
    s.host.onSubmit = () => s.editor.prompt(PROMPT);
    expect(s.type(K.paste("a\nb\n"))).toEqual([w("a\r\n"), ["submit", "a"], w(`${PROMPT}b\r\n`), ["submit", "b"], w(PROMPT)]);
  });

  it("a heredoc pasted in one go: the host asks for more until EOF, and each line shows `> `", () => {
    const s = session();
    s.host.onSubmit = (text) => (text.endsWith("\nEOF") ? s.editor.prompt(PROMPT) : s.editor.needMore());
    expect(s.type(K.paste("cat <<EOF\nhello\nEOF\n"))).toEqual([
      w("cat <<EOF\r\n"),
      ["submit", "cat <<EOF"],
      w("> hello\r\n"),
      ["submit", "cat <<EOF\nhello"],
      w("> EOF\r\n"),
      ["submit", "cat <<EOF\nhello\nEOF"],
      w(PROMPT),
    ]);
    expect(s.editor.history()).toEqual(["cat <<EOF\nhello\nEOF"]);
  });
});

describe("LineEditor: while a command runs (type-ahead and Ctrl-C)", () => {
  it("keys typed meanwhile are not echoed, then replayed at the next prompt", () => {
    const s = session();
    s.type("sleep 5\r");
    expect(s.type("ls", "\r")).toEqual([]);
    s.editor.prompt(PROMPT);
    expect(s.host.take()).toEqual([w(`${PROMPT}ls\r\n`), ["submit", "ls"]]);
  });

  it("Ctrl-C echoes ^C, drops the type-ahead and tells the host to abort", () => {
    const s = session();
    s.type("kubectl get pods -w\r");
    expect(s.type("ls", K.ctrl("c"))).toEqual([w("^C"), ["interrupt"]]);
    s.editor.prompt(PROMPT);
    expect(s.host.take()).toEqual([w(PROMPT)]);
  });

  it("Ctrl-C in the same chunk right after Enter interrupts the command just started", () => {
    expect(session().type("sleep 5\r\x03")).toEqual([w("sleep 5\r\n"), ["submit", "sleep 5"], w("^C"), ["interrupt"]]);
  });

  it("Ctrl-L while a command runs waits its turn", () => {
    const s = session();
    s.type("sleep 1\r", K.ctrl("l"));
    s.editor.prompt(PROMPT);
    expect(s.host.take()).toEqual([w(`${PROMPT}\x1b[H\x1b[2J${PROMPT}`), ["clear"]]);
  });

  it("keys typed before the first prompt wait for it", () => {
    const host = new RecordingHost();
    const editor = new LineEditor(host, { columns: 80 });
    editor.feed("ls");
    expect(host.take()).toEqual([]);
    editor.prompt(PROMPT);
    expect(host.take()).toEqual([w(`${PROMPT}ls`)]);
  });
});

describe("LineEditor: continuation lines (`> `)", () => {
  it("an unfinished command: `> `, and the next line is submitted with it", () => {
    const s = session();
    expect(s.type("echo 'a\r")).toEqual([w("echo 'a\r\n"), ["submit", "echo 'a"]]);
    s.editor.needMore();
    expect(s.host.take()).toEqual([w("> ")]);
    expect(s.type("b'\r")).toEqual([w("b'\r\n"), ["submit", "echo 'a\nb'"]]);
    s.editor.prompt(PROMPT);
    expect(s.editor.history()).toEqual(["echo 'a\nb'"]);
  });

  it("an empty line at `> ` is part of the command (a blank line in a heredoc)", () => {
    const s = session();
    s.type("cat <<EOF\r");
    s.editor.needMore();
    s.host.take();
    expect(s.type("\r")).toEqual([w("\r\n"), ["submit", "cat <<EOF\n"]]);
  });

  it("Ctrl-C at `> ` drops the unfinished command and shows the main prompt", () => {
    const s = session();
    s.type("echo 'a\r");
    s.editor.needMore();
    s.host.take();
    expect(s.type("b", K.ctrl("c"))).toEqual([w(`b^C\r\n${PROMPT}`)]);
    expect(s.type("ls\r")).toEqual([w("ls\r\n"), ["submit", "ls"]]);
  });

  it("Ctrl-D on an empty `> ` line hands the unfinished command to the host", () => {
    const s = session();
    s.type("cat <<EOF\r");
    s.editor.needMore();
    s.type("hi\r");
    s.editor.needMore();
    s.host.take();
    expect(s.type(K.ctrl("d"))).toEqual([["eof", "cat <<EOF\nhi"]]);
  });

  it("Ctrl-L at `> ` redraws the continuation prompt", () => {
    const s = session();
    s.type("echo 'a\r");
    s.editor.needMore();
    s.host.take();
    expect(s.type("b", K.ctrl("l"))).toEqual([w("b\x1b[H\x1b[2J> b"), ["clear"]]);
  });
});

describe("LineEditor: prompt and terminal size from the host", () => {
  it("after `ssh node01` the next prompt is the node's", () => {
    const s = session();
    s.type("ssh node01\r");
    s.editor.prompt("node01:~$ ");
    expect(s.host.take()).toEqual([w("node01:~$ ")]);
  });

  it("prompt() while a line is being edited replaces the prompt in place", () => {
    const s = session();
    s.type("ls");
    s.editor.prompt("node01:~$ ");
    expect(s.host.take()).toEqual([w("\rnode01:~$ ls\x1b[K")]);
  });

  it("a narrower terminal: the line is drawn again from the prompt's first row", () => {
    const s = session();
    s.type("kubectl get pods -A");
    s.editor.resize(20);
    expect(s.host.take()).toEqual([w(`\x1b[1A\r${PROMPT}kubectl get pods -A\x1b[J`)]);
  });

  it("a resize while a command runs is remembered for the next prompt", () => {
    const s = session();
    s.type("sleep 1\r");
    s.editor.resize(20);
    expect(s.host.take()).toEqual([]);
    s.editor.prompt("$ ");
    expect(s.type("abcdefghijklmnopqr")).toEqual([w("$ abcdefghijklmnopqr \r")]);
  });
});
