// Cases from client-go util/jsonpath/parser_test.go (TestParser, TestFailParser).
import { describe, expect, it } from "vitest";
import type { JsonPathNode, ListNode, SliceParam } from "./jsonpath-parser";
import { parseJsonPathTemplate } from "./jsonpath-parser";

const list = (...nodes: JsonPathNode[]): ListNode => ({ type: "list", nodes });
const text = (t: string): JsonPathNode => ({ type: "text", text: t });
const field = (name: string): JsonPathNode => ({ type: "field", name });
const p = (value: number, known: boolean, derived: boolean): SliceParam => ({ value, known, derived });
const array = (a: SliceParam, b: SliceParam, c: SliceParam): JsonPathNode => ({ type: "array", params: [a, b, c] });
const filter = (left: ListNode, operator: string, right: ListNode): JsonPathNode => ({ type: "filter", left, right, operator });
const UNKNOWN = p(0, false, false);
const osImage = list(field("status"), field("nodeInfo"), field("osImage"));

describe("parseJsonPathTemplate", () => {
  it.each<[string, string, JsonPathNode[]]>([
    ["plain", "hello jsonpath", [text("hello jsonpath")]],
    ["variable", "hello {.jsonpath}", [text("hello "), list(field("jsonpath"))]],
    ["arrayfiled", "hello {['jsonpath']}", [text("hello "), list(field("jsonpath"))]],
    ["quote", '{"{"}', [list(text("{"))]],
    ["array", "{[1:3]}", [list(array(p(1, true, false), p(3, true, false), UNKNOWN))]],
    ["allarray", "{.book[*].author}", [list(field("book"), array(UNKNOWN, UNKNOWN, UNKNOWN), field("author"))]],
    ["wildcard", "{.bicycle.*}", [list(field("bicycle"), { type: "wildcard" })]],
    ["filter", "{[?(@.price<3)]}", [list(filter(list(field("price")), "<", list({ type: "int", value: 3 })))]],
    ["recursive", "{..}", [list({ type: "recursive" })]],
    ["recurField", "{..price}", [list({ type: "recursive" }, field("price"))]],
    ["arraydict", "{['book.price']}", [list(field("book"), field("price"))]],
    [
      "union",
      "{['bicycle.price', 3, 'book.price']}",
      [
        list({
          type: "union",
          nodes: [list(field("bicycle"), field("price")), list(array(p(3, true, false), p(4, true, true), UNKNOWN)), list(field("book"), field("price"))],
        }),
      ],
    ],
    [
      "range",
      "{range .items}{.name},{end}",
      [list({ type: "identifier", name: "range" }, field("items")), list(field("name")), text(","), list({ type: "identifier", name: "end" })],
    ],
    ["paired parentheses in quotes", '{[?(@.status.nodeInfo.osImage == "()")]}', [list(filter(osImage, "==", list(text("()"))))]],
    [
      "paired parentheses in double quotes and with double quotes escape",
      '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}',
      [list(filter(osImage, "==", list(text('("")'))))],
    ],
    ["unregular parentheses in double quotes", '{[?(@.test == "())(")]}', [list(filter(list(field("test")), "==", list(text("())("))))]],
    ["plain text in single quotes", "{[?(@.status.nodeInfo.osImage == 'Linux')]}", [list(filter(osImage, "==", list(text("Linux"))))]],
    ["test filter suffix", '{[?(@.status.nodeInfo.osImage == "{[()]}")]}', [list(filter(osImage, "==", list(text("{[()]}"))))]],
    ["double inside single", `{[?(@.status.nodeInfo.osImage == "''")]}`, [list(filter(osImage, "==", list(text("''"))))]],
    ["single inside double", `{[?(@.status.nodeInfo.osImage == '""')]}`, [list(filter(osImage, "==", list(text('""'))))]],
    ["single containing escaped single", "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}", [list(filter(osImage, "==", list(text("\\'"))))]],
    ["negative index slice, equals a[len-5] to a[len-1]", "{[-5:]}", [list(array(p(-5, true, false), UNKNOWN, UNKNOWN))]],
    ["negative index slice, equals a[len-1]", "{[-1]}", [list(array(p(-1, true, false), p(0, true, true), UNKNOWN))]],
    ["negative index slice, equals a[1] to a[len-1]", "{[1:-1]}", [list(array(p(1, true, false), p(-1, true, false), UNKNOWN))]],
    ["empty brackets are index 0", "{.containers[]}", [list(field("containers"), array(UNKNOWN, p(1, true, true), UNKNOWN))]],
    ["booleans and floats", "{[?(@.ok==true)]}{1.5}", [list(filter(list(field("ok")), "==", list({ type: "bool", value: true }))), list({ type: "float", value: 1.5 })]],
    ["escaped dot in a field", "{.metadata.labels.kubernetes\\.io/hostname}", [list(field("metadata"), field("labels"), field("kubernetes.io/hostname"))]],
    ["quoted escapes", '{"\\t\\n\\u00e9\\x41"}', [list(text("\t\né\x41"))]],
  ])("%s", (_name, template, nodes) => {
    expect(parseJsonPathTemplate(template)).toEqual({ ok: true, value: list(...nodes) });
  });

  it.each([
    ["unclosed action", "{.hello", "unclosed action"],
    ["unrecognized character", "{*}", "unrecognized character in action: U+002A '*'"],
    ["invalid number", "{+12.3.0}", "cannot parse number +12.3.0"],
    ["unterminated array", "{[1}", "unterminated array"],
    ["unterminated filter", "{[?(.price]}", "unterminated filter"],
    ["invalid multiple recursive descent", "{........}", "invalid multiple recursive descent"],
    ["malformat input", "{\\\\\\}", "unrecognized character in action: U+005C '\\'"],
    ["a tab is not skipped like a space", "{\t.a}", "unrecognized character in action: U+0009"],
    ["unterminated array at the brace", "{.items[}", "unterminated array"],
    ["invalid array index", "{.items[abc]}", "invalid array index abc"],
    ["double-quoted key", '{.items["a"]}', 'invalid array index "a"'],
    ["dangling minus", "{.items[-]}", "array index - is not a number"],
    ["filter not closed by ]", '{.items[?(@.a=="x")}', "unclosed array expect ]"],
    ["unterminated quoted string", '{"abc}', "unterminated quoted string"],
    ["bad escape", '{"\\d"}', 'unquote string "\\d" error invalid syntax'],
    ["unclosed range", "{range .items[*]", "unclosed action"],
  ])("fails: %s", (_name, template, error) => {
    expect(parseJsonPathTemplate(template)).toEqual({ ok: false, error });
  });
});
