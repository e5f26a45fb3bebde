// Cases from kubectl/pkg/cmd/get/customcolumn_test.go; the printed layout is the `kubectl
// get` tabwriter's (min width 6, padding 3), as in those tests' expected outputs.
import { describe, expect, it } from "vitest";
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns, relaxedJsonPathExpression } from "./custom-columns";

const RELAXED_ERROR = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
const FILE_FORMAT = "Expected format is one line of space separated headers, one line of space separated column specs.";

describe("relaxedJsonPathExpression (TestMassageJSONPath)", () => {
  it.each([
    ["foo.bar", "{.foo.bar}"],
    ["{foo.bar}", "{.foo.bar}"],
    [".foo.bar", "{.foo.bar}"],
    ["{.foo.bar}", "{.foo.bar}"],
    ["", ""],
  ])("%j", (input, expected) => {
    expect(relaxedJsonPathExpression(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["{foo.bar", "foo.bar}", "{foo.bar}}", "{{foo.bar}"])("rejects %j", (input) => {
    expect(relaxedJsonPathExpression(input)).toEqual({ ok: false, error: RELAXED_ERROR });
  });
});

describe("parseCustomColumns (TestNewColumnPrinterFromSpec)", () => {
  it("reads header:path pairs", () => {
    expect(parseCustomColumns("NAME:metadata.name,API_VERSION:apiVersion")).toEqual({
      ok: true,
      value: [
        { header: "NAME", fieldSpec: "{.metadata.name}" },
        { header: "API_VERSION", fieldSpec: "{.apiVersion}" },
      ],
    });
  });

  it("keeps everything after the first colon as the path", () => {
    expect(parseCustomColumns("A:{.metadata.annotations.a:b}")).toEqual({ ok: true, value: [{ header: "A", fieldSpec: "{.metadata.annotations.a:b}" }] });
  });

  it.each([
    ["", "error: custom-columns format specified but no custom columns given"],
    ["invalid", "error: unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>"],
    ["invalid=foobar", "error: unexpected custom-columns spec: invalid=foobar, expected <header>:<json-path-expr>"],
    ["invalid,foobar:blah", "error: unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>"],
    ["NAME:{.metadata.name", `error: ${RELAXED_ERROR}`],
  ])("rejects %j", (spec, error) => {
    expect(parseCustomColumns(spec)).toEqual({ ok: false, error });
  });
});

describe("parseCustomColumnsFile (TestNewColumnPrinterFromTemplate)", () => {
  const expected = {
    ok: true,
    value: [
      { header: "NAME", fieldSpec: "{.metadata.name}" },
      { header: "API_VERSION", fieldSpec: "{.apiVersion}" },
    ],
  };

  it.each([
    ["NAME               API_VERSION\n{metadata.name}    {apiVersion}"],
    ["NAME               \t\tAPI_VERSION\n\t\t\t\t\t\t\t{metadata.name}    {apiVersion}"],
    ["NAME API_VERSION\r\n{metadata.name} {apiVersion}\r\n"],
  ])("reads %j", (text) => {
    expect(parseCustomColumnsFile(text)).toEqual(expected);
  });

  it.each([
    ["", `error: invalid template, missing header line. ${FILE_FORMAT}`],
    ["invalid", `error: invalid template, missing spec line. ${FILE_FORMAT}`],
    ["invalid=foobar\n", `error: invalid template, missing spec line. ${FILE_FORMAT}`],
    ["invalid,foobar:blah", `error: invalid template, missing spec line. ${FILE_FORMAT}`],
    ["NAME IMAGE\n.metadata.name", "error: number of headers (2) and field specifications (1) don't match"],
  ])("rejects %j", (text, error) => {
    expect(parseCustomColumnsFile(text)).toEqual({ ok: false, error });
  });
});

function print(spec: string, objects: unknown[], noHeaders = false) {
  const columns = parseCustomColumns(spec);
  if (!columns.ok) throw new Error(columns.error);
  return printCustomColumns(columns.value, objects, { noHeaders });
}

describe("printCustomColumns (TestColumnPrint)", () => {
  const foo = { apiVersion: "baz", kind: "Pod", metadata: { name: "foo" } };

  it.each<[string, unknown[], string]>([
    ["NAME:{.metadata.name}", [foo], "NAME\nfoo\n"],
    ["NAME:{.metadata.name}", [foo, { metadata: { name: "bar" } }], "NAME\nfoo\nbar\n"],
    ["NAME:{.metadata.name},API_VERSION:{.apiVersion}", [foo], "NAME   API_VERSION\nfoo    baz\n"],
    ["NAME:{.metadata.name},API_VERSION:{.apiVersion},NOT_FOUND:{.notFound}", [foo], "NAME   API_VERSION   NOT_FOUND\nfoo    baz           <none>\n"],
  ])("%s", (spec, objects, expected) => {
    expect(print(spec, objects)).toEqual({ ok: true, value: expected });
  });

  it("aligns every row (TestIndividualPrintObjOnExistingTabWriter)", () => {
    const pods = [
      { metadata: { name: "foo", labels: { label1: "foo", label2: "foo" } } },
      { metadata: { name: "bar", labels: { label1: "bar", label2: "bar" } } },
    ];
    expect(print("NAME:{.metadata.name},LONG COLUMN NAME:{.metadata.labels.label1},LABEL 2:{.metadata.labels.label2}", pods)).toEqual({
      ok: true,
      value: "NAME   LONG COLUMN NAME   LABEL 2\nfoo    foo                foo\nbar    bar                bar\n",
    });
  });

  it("leaves the header out under --no-headers", () => {
    expect(print("API_VERSION:apiVersion", [foo], true)).toEqual({ ok: true, value: "baz\n" });
  });

  it("prints only the header for no objects", () => {
    expect(print("NAME:.metadata.name", [])).toEqual({ ok: true, value: "NAME\n" });
  });
});

describe("TestSliceColumnPrint", () => {
  const pod = {
    metadata: { name: "fake-name", namespace: "fake-namespace" },
    spec: { containers: [{ name: "fake0" }, { name: "fake1" }, { name: "fake2" }, { name: "fake3" }] },
  };

  it.each([
    ["containers[0]", "fake0"],
    ["containers[3]", "fake3"],
    ["containers[-1]", "fake3"],
    ["containers[-2]", "fake2"],
    ["containers[-4]", "fake0"],
    ["containers[0:0]", "<none>"],
    ["containers[0:3]", "fake0,fake1,fake2"],
    ["containers[1:]", "fake1,fake2,fake3"],
    ["containers[0:-1]", "fake0,fake1,fake2"],
    ["containers[-1:]", "fake3"],
    ["containers[-4:]", "fake0,fake1,fake2,fake3"],
    ["containers[-3:-1]", "fake1,fake2"],
    ["containers[4:4]", "<none>"],
    ["containers[-5:-5]", "<none>"],
  ])("%s", (path, cell) => {
    expect(print(`CONTAINER:.spec.${path}.name`, [pod])).toEqual({ ok: true, value: `CONTAINER\n${cell}\n` });
  });

  it.each([
    ["containers[5]", "error: array index out of bounds: index 5, length 4"],
    ["containers[-5]", "error: array index out of bounds: index -1, length 4"],
    ["containers[3:1]", "error: starting index 3 is greater than ending index 1"],
    ["containers[-2:-3]", "error: starting index 2 is greater than ending index 1"],
  ])("%s fails after the header is written", (path, error) => {
    expect(print(`CONTAINER:.spec.${path}.name`, [pod])).toEqual({ ok: false, error, output: "CONTAINER\n" });
  });
});

describe("the CKA forms", () => {
  const pod = (name: string, images: string[], nodeName?: string, labels?: Record<string, string>) => ({
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })), ...(nodeName ? { nodeName } : {}) },
  });
  const pods = [pod("nginx", ["nginx:1.25"], "node01", { run: "nginx" }), pod("web", ["httpd:2.4", "busybox"], "node01", { app: "web", tier: "front" }), pod("pend", ["redis"])];

  it("NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName", () => {
    expect(print("NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName", pods)).toEqual({
      ok: true,
      value: ["NAME    IMAGE               NODE", "nginx   nginx:1.25          node01", "web     httpd:2.4,busybox   node01", "pend    redis               <none>", ""].join("\n"),
    });
  });

  it("prints maps the way Go's fmt.Sprint does", () => {
    expect(print("NAME:.metadata.name,LABELS:.metadata.labels", pods)).toEqual({
      ok: true,
      value: ["NAME    LABELS", "nginx   map[run:nginx]", "web     map[app:web tier:front]", "pend    <none>", ""].join("\n"),
    });
  });

  it("prints the rows before a failing one, then the error", () => {
    expect(print("NAME:.metadata.name,SECOND:.spec.containers[1].image", pods)).toEqual({
      ok: false,
      error: "error: array index out of bounds: index 1, length 1",
      output: "NAME   SECOND\n",
    });
    expect(print("NAME:.metadata.name,SECOND:.spec.containers[1].image", [pods[1], pods[0]])).toEqual({
      ok: false,
      error: "error: array index out of bounds: index 1, length 1",
      output: "NAME   SECOND\nweb    busybox\n",
    });
  });

  it("reports a bad path only once the header is out", () => {
    expect(print("NAME:.metadata.name,BAD:.spec.containers[", pods)).toEqual({ ok: false, error: "error: unterminated array", output: "NAME   BAD\n" });
  });

  it("escapes terminal control characters", () => {
    expect(print("NAME:.metadata.name", [{ metadata: { name: "a\x1b[31mb\rc" } }])).toEqual({ ok: true, value: "NAME\na^[[31mb\\rc\n" });
  });
});
