/**
 * cobra's bash completion V2 as `kubectl completion bash` prints it, checked against the
 * real script: its functions were run in bash 5.2 with a stand-in `kubectl` printing the
 * `__complete` answers below, and the COMPREPLY they left is what is expected here.
 */
import { describe, expect, it } from "vitest";
import { newShellState } from "../shell-state";
import { newHostFs, Vfs } from "../vfs";
import { cobraCompspec } from "./cobra-compspec";
import type { CompletionRequest } from "./completion";
import { matchingFiles } from "./file-names";
import { dequote } from "./quote";

const OUTPUT_USAGE =
  "Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].";
const WATCH_EVENTS_USAGE = "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.";

/** Runs the script for `words` (the last one is under the cursor) against a program that prints `answer`. */
function complete(words: string[], answer: string, columns = "80") {
  const fs = new Vfs(newHostFs("controlplane", 0));
  for (const f of ["pod.yaml", "a.json", "notes.txt", "deploy.YML"]) fs.writeFile(`/root/${f}`, "");
  fs.mkdir("/root/manifests");
  const state = { ...newShellState(), vars: { ...newShellState().vars, COLUMNS: columns } };
  const asked: (readonly string[])[] = [];
  const spec = cobraCompspec((args) => {
    asked.push(args);
    return answer;
  });
  const req: CompletionRequest = {
    words,
    cword: words.length - 1,
    cur: words[words.length - 1],
    vars: state.vars,
    session: { state, fs: () => fs, hosts: () => [], programs: [] },
    files: (text, filter) => matchingFiles({ fs, cwd: "/root", home: "/root" }, dequote(text), filter),
    commandAt: () => ({ words: [] }),
  };
  return { reply: spec.complete(req), asked };
}

describe("cobra's V2 script: what it asks", () => {
  it.each([
    [["kubectl", "get", ""], ["get", ""]],
    [["k", "get", "po"], ["get", "po"]],
    [["k", "get", "pods", "-n", ""], ["get", "pods", "-n", ""]],
    // `--namespace=` is complete as it is: no empty word after it
    [["k", "get", "--namespace="], ["get", "--namespace="]],
    [["k", "get", "--namespace=ku"], ["get", "--namespace=ku"]],
    // eval removes the quotes of each word
    [["k", "label", "'pods'", "web", '"app=x"'], ["label", "pods", "web", "app=x"]],
  ])("%j asks __complete %j", (words, args) => {
    expect(complete(words, ":4\n").asked).toEqual([args]);
  });
});

describe("cobra's V2 script: what it replies", () => {
  it.each([
    // no descriptions: compgen -W filters by the word
    [["k", "get", ""], "pods\nnodes\n:4\n", { words: ["pods", "nodes"], default: false }],
    [["k", "get", "po"], "pods\nnodes\n:4\n", { words: ["pods"], default: false }],
    // a lone match loses its description
    [["k", "ro"], "rollout\tManage the rollout of a resource\nrun\tRun a particular image on the cluster\n:4\n", { words: ["rollout"], default: false }],
    // several are padded to the longest name and cut to the width
    [
      ["k", "get", "--outp"],
      `--output\t${OUTPUT_USAGE}\n--output-watch-events\t${WATCH_EVENTS_USAGE}\n:4\n`,
      { words: ["--output               (Output format. One of: (json, yaml, kyaml, name, go-te…)", "--output-watch-events  (Output watch event objects when --watch or --watch-onl…)"], default: false },
    ],
    // a line without a description is left as it is
    [["k", "scale", ""], "--replicas\tThe new desired number of replicas. Required.\ndeployment\nreplicaset\n:4\n", { words: ["--replicas  (The new desired number of replicas. Required.)", "deployment", "replicaset"], default: false }],
    // the part of `--output=js` before the `=` is not readline's word
    [["k", "get", "--output=js"], "json\njsonpath\n:4\n", { words: ["json", "jsonpath"], default: false }],
    [["k", "label", "pods", "web", "app="], "app=x\napp=y\n:4\n", { words: ["x", "y"], default: false }],
    [["k", "logs", "de"], "deployments/\n:6\n", { words: ["deployments/"], noSpace: true, default: false }],
    // Default: no candidates leave the file names of `-o default`
    [["k", "run", "x", "--image", ""], ":0\n", { words: [] }],
    // an error ignores whatever came before it
    [["k", "get", ""], "pods\n:1\n", { words: [] }],
    // no directive at all counts as 0
    [["k", "get", ""], "", { words: [] }],
  ])("%j with %j", (words, answer, reply) => {
    expect(complete(words, answer).reply).toEqual(reply);
  });

  it.each([
    ["30", ["rollout  (Manage the rollout…)", "run      (Run a particular i…)"]],
    ["12", ["rollout  (…)", "run  (Run …)"]],
  ])("fits descriptions into %s columns", (columns, words) => {
    const answer = "rollout\tManage the rollout of a resource\nrun\tRun a particular image on the cluster\n:4\n";
    expect(complete(["k", ""], answer, columns).reply.words).toEqual(words);
  });

  it("filters file names by the extensions of FilterFileExt, upper case too, directories kept", () => {
    expect(complete(["k", "apply", "-f", ""], "json\nyaml\nyml\n:8\n").reply).toEqual({ words: ["a.json", "deploy.YML", "manifests", "pod.yaml"], filenames: true });
    expect(complete(["k", "apply", "-f", "n"], "json\nyaml\nyml\n:8\n").reply).toEqual({ words: [] });
  });
});
