import { describe, expect, it } from "vitest";
import { formatColumns } from "./completion-list";
import type { Completion } from "./host";
import { type Event, K, PROMPT, session, settle } from "./test-support";

const w = (bytes: string): Event => ["write", bytes];
const TAB = K.tab;

/** Types `keys`, answers each Tab in turn from `answers`, and returns everything that happened. */
async function complete(keys: readonly string[], answers: readonly (Completion | Error)[], columns = 80): Promise<Event[]> {
  const s = session({ columns });
  s.host.answers.push(...answers);
  const events: Event[] = [];
  for (const k of keys) {
    events.push(...s.type(k));
    await settle();
    events.push(...s.host.take());
  }
  return events.filter((e) => e[0] !== "complete").reduce<Event[]>((all, e) => {
    const last = all[all.length - 1];
    if (last && last[0] === "write" && e[0] === "write") all[all.length - 1] = ["write", last[1] + e[1]];
    else all.push(e);
    return all;
  }, []);
}

const VERBS: Completion = { start: 8, candidates: ["describe", "delete"] };
const KUBE: Completion = { start: 0, candidates: ["kubectl", "kubeadm"] };
const HOSTS: Completion = { start: 4, candidates: ["/etc/hosts", "/etc/hostname", "/etc/host.conf"], filenames: true };

describe("LineEditor: Tab completion, as bash's readline does it", () => {
  it("asks the host with the line and the cursor's UTF-16 offset", () => {
    const s = session();
    expect(s.type("kubectl get po", TAB)).toEqual([w("kubectl get po"), ["complete", "kubectl get po", 14]]);
  });

  it.each<[string, string[], (Completion | Error)[], Event[]]>([
    ["one match completes the word and adds a space", ["kubectl get po", TAB], [{ start: 12, candidates: ["pods"] }], [w("kubectl get pods ")]],
    ["several matches: the common prefix is inserted and the bell rings", ["ku", TAB], [KUBE], [w("kube\x07")]],
    ["several matches sharing nothing more: only the bell", ["kubectl de", TAB], [VERBS], [w("kubectl de\x07")]],
    [
      "a second Tab that changed nothing lists the matches in columns, then prompt and line again",
      ["kubectl de", TAB, TAB],
      [VERBS, VERBS],
      [w(`kubectl de\x07\r\ndelete    describe  \r\n${PROMPT}kubectl de`)],
    ],
    [
      "after a Tab that inserted the common prefix, the listing comes on the third Tab",
      ["ku", TAB, TAB, TAB],
      [KUBE, KUBE, KUBE],
      [w(`kube\x07\x07\r\nkubeadm  kubectl  \r\n${PROMPT}kube`)],
    ],
    [
      "file names: the common prefix, then a listing of the last path components",
      ["cat /etc/ho", TAB, TAB, TAB],
      [HOSTS, HOSTS, HOSTS],
      [w(`cat /etc/host\x07\x07\r\nhost.conf  hostname   hosts      \r\n${PROMPT}cat /etc/host`)],
    ],
    ["a unique directory gets a slash and no space", ["cd /et", TAB], [{ start: 3, candidates: ["/etc/"], filenames: true }], [w("cd /etc/")]],
    ["noSpace: a flag that wants its value gets no space", ["k get po --out", TAB], [{ start: 9, candidates: ["--output="], noSpace: true }], [w("k get po --output=")]],
    ["no match rings the bell", ["xyz", TAB], [{ start: 0, candidates: [] }], [w("xyz\x07")]],
    ["a failed request rings the bell", ["ls", TAB], [new Error("offline")], [w("ls\x07")]],
    ["duplicates count once: one distinct match completes", ["po", TAB], [{ start: 0, candidates: ["pods", "pods"] }], [w("pods ")]],
    [
      "in the middle of a line the word up to the cursor is replaced, and an existing space is stepped over",
      ["kubectl get po web", K.ctrl("a"), K.alt("f"), K.alt("f"), K.alt("f"), TAB],
      [{ start: 12, candidates: ["pods"] }],
      [w("kubectl get po web\x1b[18D\x1b[7C\x1b[4C\x1b[3Cds web\x1b[3D")],
    ],
    [
      "a listing is drawn below the whole line even with the cursor inside it",
      ["kubectl de x", K.left, K.left, TAB, TAB],
      [{ start: 8, candidates: ["describe", "delete"] }, { start: 8, candidates: ["describe", "delete"] }],
      [w(`kubectl de x\x1b[1D\x1b[1D\x07\x1b[2C\r\ndelete    describe  \r\n${PROMPT}kubectl de x\x1b[2D`)],
    ],
    [
      "Korean candidates are listed by their width",
      ["echo ", TAB, TAB],
      [{ start: 5, candidates: ["파드", "노드"] }, { start: 5, candidates: ["파드", "노드"] }],
      [w(`echo \x07\r\n노드  파드  \r\n${PROMPT}echo `)],
    ],
  ])("%s", async (_name, keys, answers, want) => {
    expect(await complete(keys, answers)).toEqual(want);
  });

  it("keys typed before the answer arrives wait for it", async () => {
    const s = session();
    s.host.answers.push({ start: 12, candidates: ["pods"] });
    expect(s.type("kubectl get po", TAB, "-A")).toEqual([w("kubectl get po"), ["complete", "kubectl get po", 14]]);
    await settle();
    expect(s.host.take()).toEqual([w("ds -A")]);
  });

  it("Enter typed before the answer runs the completed line", async () => {
    const s = session();
    s.host.answers.push({ start: 12, candidates: ["pods"] });
    s.type("kubectl get po", TAB, "\r");
    await settle();
    expect(s.host.take()).toEqual([w("ds \r\n"), ["submit", "kubectl get pods "]]);
  });

  it("Ctrl-C while waiting abandons the line; the late answer is ignored", async () => {
    const s = session();
    s.host.answers.push({ start: 12, candidates: ["pods"] });
    expect(s.type("kubectl get po", TAB, K.ctrl("c"))).toEqual([
      w("kubectl get po"),
      ["complete", "kubectl get po", 14],
      w(`^C\r\n${PROMPT}`),
    ]);
    await settle();
    expect(s.host.take()).toEqual([]);
  });

  describe("100 matches or more: bash asks first (completion-query-items)", () => {
    const many: Completion = { start: 0, candidates: Array.from({ length: 120 }, (_, i) => `c${String(i).padStart(3, "0")}`) };
    const ask = `c\x07\r\nDisplay all 120 possibilities? (y or n)`;

    it("n declines: a fresh prompt with the line", async () => {
      expect(await complete(["c", TAB, TAB, "n"], [many, many])).toEqual([w(`${ask}\r\n${PROMPT}c`)]);
    });

    it("y shows them all", async () => {
      const rows = formatColumns(many.candidates, 80).map((r) => r + "\r\n").join("");
      expect(await complete(["c", TAB, TAB, "y"], [many, many])).toEqual([w(`${ask}\r\n${rows}${PROMPT}c`)]);
    });

    it("any other key rings the bell and keeps asking", async () => {
      expect(await complete(["c", TAB, TAB, "x"], [many, many])).toEqual([w(`${ask}\x07`)]);
    });
  });
});
