/**
 * Tab in the shell, on a host holding the files of the pty probe: what real bash 5.2 inserts
 * or lists for the same line (`cat my<TAB>` → `cat my\ `, `./<TAB><TAB>` →
 * `manifests/ my dir/ notes.txt sub/`, `cat $HOM<TAB>` → `cat $HOME/`), and, for cd, ssh and
 * sudo, what bash-completion 2.11's functions reply.
 */
import { describe, expect, it } from "vitest";
import type { ShellState } from "../shell-state";
import { newShellState } from "../shell-state";
import { newHostFs, Vfs } from "../vfs";
import { completeLine } from "./complete-line";
import type { CompletionSession, Compspec } from "./completion";

function session(): CompletionSession {
  const fs = new Vfs(newHostFs("controlplane", 0));
  for (const d of ["/root/my dir", "/root/manifests", "/root/sub/inner", "/root/zzzdir"]) fs.mkdir(d, { parents: true });
  for (const f of ["my file.yaml", "pod.yaml", "a.json", "notes.txt", "it's.yaml", ".hidden", "sub/x.yml"]) fs.writeFile(`/root/${f}`, "");
  fs.chmod("/root/notes.txt", 0o755);
  const state: ShellState = { ...newShellState("controlplane"), aliases: { k: "kubectl", kn: "kubectl config set-context --current --namespace" }, functions: { myfn: "myfn() { :; }" } };
  state.vars.do = "--dry-run=client -o yaml";
  return { state, fs: (h) => (h === "controlplane" ? fs : undefined), hosts: () => ["controlplane", "node01", "node02"], programs: ["kubectl"] };
}

const at = (line: string, specs: Readonly<Record<string, Compspec>> = {}) => completeLine(line, line.length, session(), specs);

describe("completeLine: file names (readline's default)", () => {
  it.each([
    ["cat my", 4, ["my\\ dir/", "my\\ file.yaml"]],
    ["cat 'my", 4, ["'my dir'/", "'my file.yaml'"]],
    ["cat 'man", 4, ["'manifests/"]],
    ["cat it", 4, ["it\\'s.yaml"]],
    ["cat .", 4, ["./", "../", ".bashrc", ".hidden"]],
    ["cat ..", 4, ["../"]],
    ["cat sub/", 4, ["sub/inner/", "sub/x.yml"]],
    ["cat ~/po", 4, ["~/pod.yaml"]],
    ["cat /et", 4, ["/etc/"]],
    ["cat my\\ f", 4, ["my\\ file.yaml"]],
    ["cat --file=a", 11, ["a.json"]],
    ["kubectl get pods -o yaml > po", 27, ["pod.yaml"]],
    ["FOO=p", 4, ["pod.yaml"]],
  ])("%j", (line, start, candidates) => {
    expect(at(line)).toEqual({ start, candidates, filenames: true });
  });

  it("offers hidden files but not . and .. for an empty word", () => {
    expect(at("cat ").candidates).toEqual([".bashrc", ".hidden", "a.json", "it\\'s.yaml", "manifests/", "my\\ dir/", "my\\ file.yaml", "notes.txt", "pod.yaml", "sub/", "zzzdir/"]);
  });
});

describe("completeLine: the command word", () => {
  it.each([
    ["ech", ["echo"]],
    ["kub", ["kubectl"]],
    ["myf", ["myfn"]],
    ["kn", ["kn"]],
    ["whi", ["which", "while"]],
    ["FOO=1 kub", ["kubectl"]],
    ["if kub", ["kubectl"]],
    ["kubectl get pods | gre", ["grep"]],
    ["echo $(kub", ["kubectl"]],
  ])("%j", (line, candidates) => {
    expect([...at(line).candidates].sort()).toEqual(candidates);
  });

  it.each([
    ["./", ["./manifests/", "./my\\ dir/", "./notes.txt", "./sub/", "./zzzdir/"]],
    ["./no", ["./notes.txt"]],
    ["zzz", ["zzzdir/"]],
  ])("%j names a path: runnable files and directories", (line, candidates) => {
    expect(at(line)).toEqual({ start: 0, candidates, filenames: true });
  });
});

describe("completeLine: variables", () => {
  it.each([
    ["cat $HOM", { start: 4, candidates: ["$HOME/"], noSpace: true }],
    ["cat ${HOM", { start: 4, candidates: ["${HOME}/"], noSpace: true }],
    ["echo $US", { start: 5, candidates: ["$USER"] }],
    ["echo $H", { start: 5, candidates: ["$HOME", "$HOSTNAME"] }],
    ['echo "$US', { start: 6, candidates: ["$USER"] }],
    ["k run a --image=nginx $d", { start: 22, candidates: ["$do"] }],
  ])("%j", (line, completion) => {
    expect(at(line)).toEqual(completion);
  });

  it("leaves them alone inside single quotes", () => {
    expect(at("echo '$HO").candidates).toEqual([]);
  });
});

describe("completeLine: bash-completion's cd, ssh and sudo", () => {
  it.each([
    ["cd ", { start: 3, candidates: ["manifests/", "my\\ dir/", "sub/", "zzzdir/"], filenames: true, noSpace: true }],
    ["cd s", { start: 3, candidates: ["sub/"], filenames: true, noSpace: true }],
    ["cd $HOM", { start: 3, candidates: ["$HOME"], noSpace: true }],
    ["ssh ", { start: 4, candidates: ["controlplane", "node01", "node02", "localhost"] }],
    ["ssh root@no", { start: 9, candidates: ["node01", "node02"] }],
    ["ssh -p 22 node0", { start: 10, candidates: ["node01", "node02"] }],
    ["ssh -i ~/.ba", { start: 7, candidates: ["~/.bashrc"], filenames: true }],
    ["ssh node01 whoa", { start: 11, candidates: ["whoami"], filenames: true }],
    ["sudo kub", { start: 5, candidates: ["kubectl"], filenames: true }],
    ["sudo -u root ca", { start: 13, candidates: ["case", "cat"], filenames: true }],
    ["sudo cat no", { start: 9, candidates: ["notes.txt"], filenames: true }],
    ["sudo cd m", { start: 8, candidates: ["manifests/", "my\\ dir/"], filenames: true, noSpace: true }],
  ])("%j", (line, completion) => {
    expect(at(line)).toEqual(completion);
  });
});

describe("completeLine: a registered completion function", () => {
  const words: string[][] = [];
  const echo: Compspec = {
    fallback: true,
    complete: (req) => {
      words.push([...req.words]);
      return { words: req.cur === "" ? ["alpha", "beta"] : [] };
    },
  };

  it("gets the words from the command name on and replaces readline's word", () => {
    expect(at("FOO=1 tool get ", { tool: echo })).toEqual({ start: 15, candidates: ["alpha", "beta"] });
    expect(words.at(-1)).toEqual(["tool", "get", ""]);
  });

  it("is found by the last component of a path, as bash's progcomp lookup does", () => {
    expect(at("/usr/bin/tool ", { tool: echo }).candidates).toEqual(["alpha", "beta"]);
  });

  it("falls back to file names under -o default when it finds nothing", () => {
    expect(at("tool p", { tool: echo })).toEqual({ start: 5, candidates: ["pod.yaml"], filenames: true });
    expect(at("tool p", { tool: { complete: echo.complete } })).toEqual({ start: 5, candidates: [] });
  });
});
