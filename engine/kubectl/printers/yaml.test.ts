import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compareKeys, toYaml, toYamlDocuments } from "./yaml";

const testdata = (name: string) => readFileSync(join(__dirname, "testdata", "yaml", name), "utf8");

describe("toYaml golden files", () => {
  // Expected texts: pod-running is section 1.2 of the fidelity reference (a real kind
  // cluster); node-list is real `kubectl get no -o yaml` output quoted in kubernetes/kubeadm#2597
  // (cut after allocatable.cpu, closed with the List trailer of `kubectl get`); the ConfigMap
  // and Secret follow go-yaml v2's block-scalar and quoting rules shown by the cases below.
  // Inputs are in API (not sorted) key order, so sorting is exercised too.
  it.each(["pod-running", "configmap-multiline", "secret", "node-list"])("%s", (name) => {
    const input: unknown = JSON.parse(testdata(`${name}.json`));
    expect(toYaml(input)).toBe(testdata(`${name}.yaml`));
  });

  // Section 5.2 of the fidelity reference; inputs are the typed objects kubectl builds,
  // in Go struct field order.
  it.each([
    ["run-pod", { kind: "Pod", apiVersion: "v1", metadata: { name: "nginx", labels: { run: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }], restartPolicy: "Always", dnsPolicy: "ClusterFirst" }, status: {} }],
    ["create-deployment", { kind: "Deployment", apiVersion: "apps/v1", metadata: { name: "nginx", labels: { app: "nginx" } }, spec: { replicas: 1, selector: { matchLabels: { app: "nginx" } }, template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] } }, strategy: {} }, status: {} }],
    ["create-job", { kind: "Job", apiVersion: "batch/v1", metadata: { name: "pi" }, spec: { template: { metadata: {}, spec: { containers: [{ name: "pi", image: "busybox", resources: {} }], restartPolicy: "Never" } } }, status: {} }],
    ["create-cronjob", { kind: "CronJob", apiVersion: "batch/v1", metadata: { name: "cj" }, spec: { schedule: "*/1 * * * *", jobTemplate: { metadata: { name: "cj" }, spec: { template: { metadata: {}, spec: { containers: [{ name: "cj", image: "busybox", resources: {} }], restartPolicy: "OnFailure" } } } } }, status: {} }],
  ])("dry-run manifest %s", (name, input) => {
    expect(toYaml(input)).toBe(testdata(`${name}.yaml`));
  });
});

describe("toYaml scalars", () => {
  // marshalTests of go-yaml v2 as forked by sigs.k8s.io/yaml (goyaml.v2/encode_test.go),
  // restricted to values a JSON document can hold.
  it.each<[unknown, string]>([
    [{ v: "hi" }, "v: hi\n"],
    [{ v: "true" }, 'v: "true"\n'],
    [{ v: "false" }, 'v: "false"\n'],
    [{ v: true }, "v: true\n"],
    [{ v: false }, "v: false\n"],
    [{ v: 10 }, "v: 10\n"],
    [{ v: -10 }, "v: -10\n"],
    [{ v: 4294967296 }, "v: 4294967296\n"],
    [{ v: "10" }, 'v: "10"\n'],
    [{ v: 0.1 }, "v: 0.1\n"],
    [{ v: -0.1 }, "v: -0.1\n"],
    [{ v: null }, "v: null\n"],
    [{ v: "" }, 'v: ""\n'],
    [{ v: ["A", "B"] }, "v:\n- A\n- B\n"],
    [{ v: ["A", "B\nC"] }, "v:\n- A\n- |-\n  B\n  C\n"],
    [{ v: ["A", 1, { B: [2, 3] }] }, "v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n"],
    [{ a: { b: "c" } }, "a:\n  b: c\n"],
    [{ a: "-" }, "a: '-'\n"],
    [{}, "{}\n"],
    [{ a: "<foo>" }, "a: <foo>\n"],
    [{ a: "1:1" }, 'a: "1:1"\n'],
    [{ a: "\x00" }, 'a: "\\0"\n'],
    [{ a: "你好" }, "a: 你好\n"],
    [{ a: "2015-02-24T18:19:39Z" }, 'a: "2015-02-24T18:19:39Z"\n'],
    [{ a: "b: c" }, "a: 'b: c'\n"],
    [{ a: "Hello #comment" }, "a: 'Hello #comment'\n"],
    [{ a: "你好 #comment" }, "a: '你好 #comment'\n"],
  ])("%j", (input, expected) => {
    expect(toYaml(input)).toBe(expected);
  });

  // TestQuotingMaintained of the same file: hex beyond uint64 is still an int to go-yaml.
  it("keeps integer-looking strings of any size quoted", () => {
    const data = { A1: "0x0000000000000000000000010000000000000000", A2: "0x000000000000000000000000FFFFFFFFFFFFFFFF", A3: "1234" };
    expect(toYaml({ data })).toBe('data:\n  A1: "0x0000000000000000000000010000000000000000"\n  A2: "0x000000000000000000000000FFFFFFFFFFFFFFFF"\n  A3: "1234"\n');
  });

  // go-yaml v2 resolve(): YAML 1.1 bools, null, ints (any base, with _), floats, timestamps
  // and base-60 numbers read back as non-strings, so they are double-quoted; anything that
  // only fails the emitter's plain-scalar analysis is single-quoted instead.
  it.each<[string, string]>([
    ["yes", '"yes"'], ["On", '"On"'], ["n", '"n"'], ["~", '"~"'], ["NULL", '"NULL"'],
    ["0x1F", '"0x1F"'], ["0o17", '"0o17"'], ["0777", '"0777"'], ["1_000", '"1_000"'], ["+1", '"+1"'], ["08", '"08"'],
    ["1e3", '"1e3"'], [".5", '".5"'], ["-.inf", '"-.inf"'], ["0b101", '"0b101"'], ["0b-101", '"0b-101"'],
    ["2025-12-07", '"2025-12-07"'], ["2025-1-2 3:04:05.5", '"2025-1-2 3:04:05.5"'], ["10:30", '"10:30"'],
    ["2025-13-01", "2025-13-01"], ["2025-02-30", "2025-02-30"], ["2025-12-07T07:06:14", "2025-12-07T07:06:14"],
    ["1e400", "1e400"], ["80:80", "80:80"], ["-", "'-'"], ["-foo", "-foo"], ["- foo", "'- foo'"],
    ["yesno", "yesno"], ["nginx:1.25", "nginx:1.25"], ["http://x:80/", "http://x:80/"], ["a: b", "'a: b'"],
    ["*/1 * * * *", "'*/1 * * * *'"], ["{\"a\":1}", "'{\"a\":1}'"], ["it's", "it's"], ["'quoted'", "'''quoted'''"],
    [" lead", "' lead'"], ["trail ", "'trail '"], ["---", "'---'"], ["a #b", "'a #b'"], ["a#b", "a#b"],
    ["tab\there", '"tab\\there"'], ["bell\x07", '"bell\\a"'], ["esc\x1b", '"esc\\e"'], ["\x7f", '"\\x7F"'],
    ["smile 😀", '"smile \\U0001F600"'], ["nbsp\u00a0x", "nbsp\u00a0x"], ["bom\ufeff", '"bom\\uFEFF"'], ["cr\rlf", '"cr\\rlf"'],
    ["quote\"back\\slash", 'quote"back\\slash'], ["lone\ud800", "lone\ufffd"],
  ])("string %j is written %s", (value, written) => {
    expect(toYaml({ k: value })).toBe(`k: ${written}\n`);
  });

  it.each<[number, string]>([
    [1234567.5, "1.2345675e+06"],
    [123456.7, "123456.7"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [1e21, "1e+21"],
    [-2.5, "-2.5"],
  ])("float %d is printed as Go's %%g does: %s", (value, written) => {
    expect(toYaml({ k: value })).toBe(`k: ${written}\n`);
  });

  it("prints keys go-yaml cannot write as simple keys in the explicit `? key` form", () => {
    expect(toYaml({ "a\nb": 1 })).toBe("? |-\n  a\n  b\n: 1\n");
    const long = "k".repeat(129);
    expect(toYaml({ [long]: "v" })).toBe(`? ${long}\n: v\n`);
    expect(toYaml({ ["k".repeat(128)]: "v" })).toBe(`${"k".repeat(128)}: v\n`);
  });

  it("drops what JSON drops and keeps scalars at the root", () => {
    expect(toYaml({ a: undefined, b: 1 })).toBe("b: 1\n");
    expect(toYaml(undefined)).toBe("null\n");
    expect(toYaml("text")).toBe("text\n");
    expect(toYaml([])).toBe("[]\n");
    expect(toYaml([[1, 2], { x: [] }])).toBe("- - 1\n  - 2\n- x: []\n");
  });
});

describe("toYaml line folding at column 80", () => {
  // TestLineWrapping of sigs.k8s.io/yaml's goyaml.v2: kubectl never calls FutureLineWrap.
  it("folds a long single-quoted value at the first space past column 80", () => {
    const v = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ";
    expect(toYaml({ a: v })).toBe("a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n");
  });

  // Real `kubectl get pod -o yaml` output quoted in kubernetes/kubernetes#49896.
  it("folds a scheduler message the way kubectl printed it", () => {
    const pod = {
      status: {
        conditions: [{ lastProbeTime: "2019-06-15T10:53:58Z", lastTransitionTime: "2019-06-15T10:44:23Z", message: "0/10 nodes are available: 10 node(s) didn't match node selector, 4 Insufficient cpu.", reason: "Unschedulable", status: "False", type: "PodScheduled" }],
        phase: "Pending",
      },
    };
    expect(toYaml(pod)).toBe(`status:
  conditions:
  - lastProbeTime: "2019-06-15T10:53:58Z"
    lastTransitionTime: "2019-06-15T10:44:23Z"
    message: '0/10 nodes are available: 10 node(s) didn''t match node selector, 4
      Insufficient cpu.'
    reason: Unschedulable
    status: "False"
    type: PodScheduled
  phase: Pending
`);
  });

  // Real `kubectl get pods -o yaml` list output quoted in kubernetes/kubernetes#52166.
  it("folds inside list items, continuing at the value's indentation", () => {
    const list = { items: [{ status: { conditions: [{ lastProbeTime: null, message: "No nodes are available that match all of the following predicates:: NodeUnderMemoryPressure (1).", reason: "Unschedulable" }] } }] };
    expect(toYaml(list)).toContain(`    - lastProbeTime: null
      message: 'No nodes are available that match all of the following predicates::
        NodeUnderMemoryPressure (1).'
      reason: Unschedulable
`);
  });

  it("folds plain and double-quoted values too, again on every continuation line, but never keys or literal blocks", () => {
    const words = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `word${from + i}`).join(" ");
    const all = words(0, 29);
    // "plain: " + word0…word11 ends at column 80, which is not past it; word12 is.
    expect(toYaml({ plain: all })).toBe(`plain: ${words(0, 12)}\n  ${words(13, 24)}\n  ${words(25, 29)}\n`);
    expect(toYaml({ q: `${all}\t` })).toBe(`q: "${words(0, 12)}\n  ${words(13, 24)}\n  ${words(25, 29)}\\t"\n`);
    const key = words(0, 17); // 115 bytes: still a simple key, so it is never folded
    expect(toYaml({ [key]: 1 })).toBe(`${key}: 1\n`);
    expect(toYaml({ l: `${all}\n` })).toBe(`l: |\n  ${all}\n`);
  });

  it("escapes the second of two spaces where a double-quoted value folds", () => {
    const head = "x".repeat(80);
    expect(toYaml({ q: `${head}  tail\t` })).toBe(`q: "${head}\n  \\ tail\\t"\n`);
  });
});

describe("key order", () => {
  // TestSortedOutput of goyaml.v2: digit runs compare as numbers, non-letters before letters.
  const order = ["", ".1", ".2", ".a", "1", "2", "a!10", "a/0001", "a/002", "a/3", "a/10", "a/11", "a/0012", "a/100", "a~10", "ab/1", "b/1", "b/01", "b/2", "b/02", "b/3", "b/03", "b1", "b01", "b3", "c2.10", "c10.2", "d1", "d7", "d7abc", "d12", "d12a"];

  it("sorts map keys as go-yaml v2 does", () => {
    expect([...order].reverse().sort(compareKeys)).toEqual(order);
  });

  it("orders label keys the way kubectl shows them", () => {
    expect(["node-role.kubernetes.io/master", "kubernetes.io/os", "app", "app.kubernetes.io/name", "app_v2", "appV2", "item10", "item9"].sort(compareKeys)).toEqual([
      "app", "app.kubernetes.io/name", "app_v2", "appV2", "item9", "item10", "kubernetes.io/os", "node-role.kubernetes.io/master",
    ]);
  });
});

describe("toYamlDocuments", () => {
  it("separates documents with ---", () => {
    expect(toYamlDocuments([{ a: "b" }, { c: "d" }])).toBe("a: b\n---\nc: d\n");
    expect(toYamlDocuments([{ a: "b" }])).toBe("a: b\n");
    expect(toYamlDocuments([])).toBe("");
  });
});

describe("round trip through a YAML 1.1 reader", () => {
  const tricky = ["yes", "NO", "0x1F", "1_000", "12:30:45", "2025-12-07T07:06:14Z", "*star", "&anchor", "!tag", "%pct", "@at", "`tick", "[x]", "{x}", "a, b", "q?", "? q", ": x", "x:", "x: y", "#x", "x #y", "it's", " lead", "trail ", "two\nlines", "two\nlines\n", "\nlead break", "end break\n\n", " \n", "a \nb", "a\n b", "tab\tx", "\u2028", "emoji 😀", "\x01\x02", "back\\slash", '"dq"', "~", "", "-", "--- x", "...", "日本語 テキスト", `${"long ".repeat(30)}end`, `${"long ".repeat(30)}'quote'`, `${"long ".repeat(25)}  double  spaces\t`];

  it.each(tricky)("%j reads back unchanged", (s) => {
    const doc = { key: s, list: [s], nested: { [s || "empty"]: s } };
    expect(parse(toYaml(doc), { version: "1.1" })).toEqual(doc);
  });
});
