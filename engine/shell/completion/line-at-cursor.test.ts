/**
 * The words bash hands a completion function (COMP_WORDS after bash-completion reassembles
 * `--flag=value` and drops redirections) and where readline's word starts (after the last
 * unquoted character of COMP_WORDBREAKS, ` \t\n"'@><=;|&(:`, or at a quote left open).
 */
import { describe, expect, it } from "vitest";
import { lineAtCursor } from "./line-at-cursor";

describe("lineAtCursor", () => {
  it.each([
    // line, words, where readline's word starts
    ["kubectl get po", ["kubectl", "get", "po"], 12],
    ["kubectl get ", ["kubectl", "get", ""], 12],
    ["", [""], 0],
    // `=` ends readline's word but not the word a completion function sees
    ["k get pods -o=ya", ["k", "get", "pods", "-o=ya"], 14],
    ["k get pods --output=", ["k", "get", "pods", "--output="], 20],
    ["ssh root@no", ["ssh", "root@no"], 9],
    ["kubectl set image deploy/web nginx=nginx:1.2", ["kubectl", "set", "image", "deploy/web", "nginx=nginx:1.2"], 41],
    // an escaped or quoted break character is part of the word
    ["cat my\\ fi", ["cat", "my\\ fi"], 4],
    ["cat 'my dir'/f", ["cat", "'my dir'/f"], 4],
    ['echo "a b" c', ["echo", '"a b"', "c"], 11],
    // a new simple command after a separator or inside a substitution
    ["kubectl get pods | gr", ["gr"], 19],
    ["cd /tmp && kubectl get", ["kubectl", "get"], 19],
    ["true; k get no", ["k", "get", "no"], 12],
    ["echo $(kubectl get po", ["kubectl", "get", "po"], 19],
    ["echo $(date) ca", ["echo", "$(date)", "ca"], 13],
    // redirections and their targets are not words of the command
    ["kubectl get pods 2>/dev/null -n ", ["kubectl", "get", "pods", "-n", ""], 32],
    ["kubectl get pods &>log -n k", ["kubectl", "get", "pods", "-n", "k"], 26],
  ])("%j", (line, words, start) => {
    const at = lineAtCursor(line, line.length);
    expect(at.words).toEqual(words);
    expect(at.start).toBe(start);
    expect(at.redirect).toBe(false);
    expect(at.openQuote).toBeUndefined();
  });

  it.each([
    ["k get pods -o yaml > po", 21],
    ["k get pods -o yaml >po", 20],
    ["cat < ", 6],
    ["k logs web 2> er", 14],
    ["echo hi >> notes.t", 11],
  ])("%j completes a redirection's target", (line, start) => {
    const at = lineAtCursor(line, line.length);
    expect(at.redirect).toBe(true);
    expect(at.start).toBe(start);
  });

  it.each([
    ["cat 'my fi", "'", 4, "'my fi"],
    ['echo "$HO', '"', 5, '"$HO'],
    ["cat a'b", "'", 5, "a'b"],
  ] as const)("%j leaves a quote open", (line, quote, start, word) => {
    const at = lineAtCursor(line, line.length);
    expect(at.openQuote).toBe(quote);
    expect(at.start).toBe(start);
    expect(at.words[at.words.length - 1]).toBe(word);
  });

  it("reads only up to the cursor", () => {
    const at = lineAtCursor("kubectl get pods -n kube-system", 15);
    expect(at.words).toEqual(["kubectl", "get", "pod"]);
    expect(at.start).toBe(12);
  });
});
