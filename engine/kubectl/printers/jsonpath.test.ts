// Expectations from client-go util/jsonpath/jsonpath_test.go, with Go structs replaced by
// the decoded JSON maps kubectl always hands the engine (so keys print in sorted order),
// from cli-runtime printers/jsonpath.go for the error texts, and from kubectl's docs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { executeJsonPath, findJsonPathResults, goSprint, goSyntax, parseJsonPath } from "./jsonpath";

function run(template: string, data: unknown, allowMissingKeys = false): string {
  const t = parseJsonPath(template);
  if (!t.ok) throw new Error(t.error);
  const r = executeJsonPath(t.value, data, { allowMissingKeys });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function rawError(template: string, data: unknown, allowMissingKeys = false): string {
  const t = parseJsonPath(template);
  if (!t.ok) return t.error;
  const r = findJsonPathResults(t.value.root, data, allowMissingKeys);
  return r.ok ? "nil" : r.error;
}

const golden = (name: string) => readFileSync(join(__dirname, "testdata", "jsonpath", name), "utf8");

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ["one", "two", "three", "four"],
  interfaces: [true, "one", 1, 1.1],
  maps: [
    { name: "one", value: 1 },
    { name: "two", value: 2.02 },
    { name: "three", value: 3.03 },
    { name: "four", value: 4.04 },
  ],
};

describe("TestTypesInput", () => {
  it.each([
    ["{ .bools }", "[true,false,true,false]"],
    ["{ .bools[0] }", "true"],
    ["{ .bools[-1] }", "false"],
    ["{ .bools[0:2] }", "true false"],
    ["{ .bools[:2] }", "true false"],
    ["{ .bools[:4:2] }", "true true"],
    ["{ .integers }", "[1,2,3,4]"],
    ["{ .integers[0] }", "1"],
    ["{ .integers[-2] }", "3"],
    ["{ .integers[0:2] }", "1 2"],
    ["{ .integers[:4:2] }", "1 3"],
    ["{ .floats }", "[1,2.2,3.3,4]"],
    ["{ .floats[0] }", "1"],
    ["{ .floats[-2] }", "3.3"],
    ["{ .floats[:4:2] }", "1 3.3"],
    ["{ .strings }", '["one","two","three","four"]'],
    ["{ .strings[-2] }", "three"],
    ["{ .strings[:4:2] }", "one three"],
    ["{ .interfaces }", '[true,"one",1,1.1]'],
    ["{ .interfaces[0:2] }", "true one"],
    ["{ .interfaces[:4:2] }", "true 1"],
    ["{ .maps }", '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
    ["{ .maps[0] }", '{"name":"one","value":1}'],
    ["{ .maps[-2] }", '{"name":"three","value":3.03}'],
    ["{ .maps[0:2] }", '{"name":"one","value":1} {"name":"two","value":2.02}'],
    ["{ .maps[::2] }", '{"name":"one","value":1} {"name":"three","value":3.03}'],
    ["{ .maps[1::2] }", '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ])("%s", (template, expected) => {
    expect(run(template, types)).toBe(expected);
  });
});

const store = {
  Name: "jsonpath",
  Book: [
    { Category: "reference", Author: "Nigel Rees", Title: "Sayings of the Centurey", Price: 8.95 },
    { Category: "fiction", Author: "Evelyn Waugh", Title: "Sword of Honour", Price: 12.99 },
    { Category: "fiction", Author: "Herman Melville", Title: "Moby Dick", Price: 8.99 },
  ],
  Bicycle: [
    { Color: "red", Price: 19.95, IsNew: true },
    { Color: "green", Price: 20.01, IsNew: false },
  ],
  Labels: { engieer: 10, "web/html": 15, "k8s-app": 20 },
  Employees: { jason: "manager", dan: "clerk" },
};
const mobyDick = '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}';

describe("TestStructInput, over maps", () => {
  it.each<[string, string, unknown, string]>([
    ["plain", "hello jsonpath", null, "hello jsonpath"],
    ["recursive", "{..}", [1, 2, 3], "[1,2,3]"],
    ["filter", "{[?(@<5)]}", [2, 6, 3, 7], "2 3"],
    ["quote", '{"{"}', null, "{"],
    ["union", "{[1,3,4]}", [0, 1, 2, 3, 4], "1 3 4"],
    ["array", "{[0:2]}", ["Monday", "Tudesday"], "Monday Tudesday"],
    ["variable", "hello {.Name}", store, "hello jsonpath"],
    ["dict/", "{$.Labels.web/html}", store, "15"],
    ["dict/", "{$.Employees.jason}", store, "manager"],
    ["dict/", "{$.Employees.dan}", store, "clerk"],
    ["dict-", "{.Labels.k8s-app}", store, "20"],
    ["nest", "{.Bicycle[*].Color}", store, "red green"],
    ["allarray", "{.Book[*].Author}", store, "Nigel Rees Evelyn Waugh Herman Melville"],
    ["allfields", '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', store, "{red true 19.95} {green false 20.01} "],
    ["recurfields", "{..Price}", store, "19.95 20.01 8.95 12.99 8.99"],
    ["recurdotfields", "{...Price}", store, "19.95 20.01 8.95 12.99 8.99"],
    ["allstructsSlice", "{.Bicycle}", store, '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]'],
    ["allstructs", '{range .Bicycle[*]}{ @ }{ " " }{end}', store, '{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} '],
    ["lastarray", "{.Book[-1:]}", store, mobyDick],
    ["recurarray", "{..Book[2]}", store, mobyDick],
    ["bool", "{.Bicycle[?(@.IsNew==true)]}", store, '{"Color":"red","IsNew":true,"Price":19.95}'],
  ])("%s: %s", (_name, template, data, expected) => {
    expect(run(template, data)).toBe(expected);
  });

  it.each([
    ["{.hello}", ""],
    ["before-{.hello}after", "before-after"],
  ])("missing keys allowed: %s", (template, expected) => {
    expect(run(template, store, true)).toBe(expected);
  });

  it.each([
    ["invalid identifier", "{hello}", "unrecognized identifier hello"],
    ["nonexistent field", "{.hello}", "hello is not found"],
    ["invalid array", "{.Labels[0]}", "map[string]interface {} is not array or slice"],
    ["invalid filter operator", "{.Book[?(@.Price<>10)]}", "unrecognized filter operator <>"],
    ["redundant end", "{range .Labels.*}{@}{end}{end}", "not in range, nothing to end"],
    ["superrecurfields", "{............................................................Price}", "error: error parsing jsonpath {............................................................Price}, invalid multiple recursive descent"],
  ])("fails: %s", (_name, template, error) => {
    expect(rawError(template, store)).toBe(error);
  });
});

const points = [
  { id: "i1", x: 4, y: -5 },
  { id: "i2", x: -2, y: -5, z: 1 },
  { id: "i3", x: 8, y: 3 },
  { id: "i4", x: -6, y: -1 },
  { id: "i5", x: 0, y: 2, z: 1 },
  { id: "i6", x: 1, y: 4 },
];

describe("TestJSONInput", () => {
  it("filters on existence", () => expect(run("{[?(@.z)].id}", points)).toBe("i2 i5"));
  it("reads a bracket key", () => expect(run("{[0]['id']}", points)).toBe("i1"));
  it("compares numbers", () => expect(run("{[?(@.x>=1)].id}", points)).toBe("i1 i3 i6"));
  it("will not compare an integer with a float", () => expect(rawError("{[?(@.x==1.0)].id}", points)).toBe("incompatible types for comparison"));
});

const nodes = {
  kind: "List",
  items: [
    {
      kind: "None",
      metadata: { name: "127.0.0.1", labels: { "kubernetes.io/hostname": "127.0.0.1" } },
      status: { capacity: { cpu: "4" }, ready: true, addresses: [{ type: "LegacyHostIP", address: "127.0.0.1" }] },
    },
    {
      kind: "None",
      metadata: { name: "127.0.0.2", labels: { "kubernetes.io/hostname": "127.0.0.2" } },
      status: {
        capacity: { cpu: "8" },
        ready: false,
        addresses: [
          { type: "LegacyHostIP", address: "127.0.0.2" },
          { type: "another", address: "127.0.0.3" },
        ],
      },
    },
  ],
  users: [
    { name: "myself", user: {} },
    { name: "e2e", user: { username: "admin", password: "secret" } },
  ],
};

describe("TestKubernetes", () => {
  it.each([
    ["range item", "{range .items[*]}{.metadata.name}, {end}{.kind}", "127.0.0.1, 127.0.0.2, List"],
    ["range item with quote", '{range .items[*]}{.metadata.name}{"\\t"}{end}', "127.0.0.1\t127.0.0.2\t"],
    ["range addresss", "{.items[*].status.addresses[*].address}", "127.0.0.1 127.0.0.2 127.0.0.3"],
    ["double range", "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}", "127.0.0.1, 127.0.0.2, 127.0.0.3, "],
    ["item name", "{.items[*].metadata.name}", "127.0.0.1 127.0.0.2"],
    ["union nodes capacity", "{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ["range nodes capacity", "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}", '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ["user password", '{.users[?(@.name=="e2e")].user.password}', "secret"],
    ["hostname", "{.items[0].metadata.labels.kubernetes\\.io/hostname}", "127.0.0.1"],
    ["hostname filter", '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', "None"],
    ["bool item", "{.items[?(@..ready==true)].metadata.name}", "127.0.0.1"],
    ["recursive name, keys in sorted order", "{..name}", "127.0.0.1 127.0.0.2 myself e2e"],
  ])("%s", (_name, template, expected) => {
    expect(run(template, nodes)).toBe(expected);
  });
});

describe("ranges", () => {
  it.each([
    ["{range .items[*]}{.metadata.name}{end}", ""],
    ['{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', ""],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}done', "done"],
  ])("TestEmptyRange: %s", (template, expected) => {
    expect(run(template, { items: [] }, true)).toBe(expected);
  });

  const pods = {
    items: [
      {
        metadata: { name: "pod1" },
        spec: {
          containers: [
            { name: "foo", another: [{ name: "value1" }, { name: "value2" }] },
            { name: "bar", another: [{ name: "value1" }, { name: "value2" }] },
          ],
        },
      },
      { metadata: { name: "pod2" }, spec: { containers: [{ name: "baz", another: [{ name: "value1" }, { name: "value2" }] }] } },
    ],
  };
  it.each([
    ['{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', "pod1:foo,bar,+pod2:baz,+"],
    [
      '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
      "pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#",
    ],
    [
      '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
      "pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n",
    ],
  ])("TestNestedRanges: %s", (template, expected) => {
    expect(run(template, pods)).toBe(expected);
  });

  it("TestRunningPodsJSONPathOutput: filter items that lack the field", () => {
    const list = {
      kind: "List",
      items: [
        { kind: "Pod", metadata: { name: "pod1" }, status: { phase: "Running" } },
        { kind: "Pod", metadata: { name: "pod2" }, status: { phase: "Running" } },
        { kind: "Pod", metadata: { name: "pod3" }, status: { phase: "Running" } },
        { resourceVersion: "", selfLink: "" },
      ],
    };
    expect(run('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', list, true)).toBe(
      "pod1 is Running\npod2 is Running\npod3 is Running\n",
    );
  });
});

describe("TestFilterPartialMatchesSometimesMissingAnnotations", () => {
  const list = {
    kind: "List",
    items: [
      { kind: "Pod", metadata: { name: "pod1", annotations: { color: "blue" } } },
      { kind: "Pod", metadata: { name: "pod2" } },
      { kind: "Pod", metadata: { name: "pod3", annotations: { color: "green" } } },
      { kind: "Pod", metadata: { name: "pod4", annotations: { color: "blue" } } },
    ],
  };
  const template = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
  it("tolerates missing keys when allowed", () => expect(run(template, list, true)).toBe("pod1 pod4"));
  it("errors on them otherwise", () => expect(rawError(template, list)).toBe("annotations is not found"));
});

const fakeContainers = (n: number) => ({
  apiVersion: "v1",
  kind: "Pod",
  spec: { containers: Array.from({ length: n }, (_, i) => ({ image: "radial/busyboxplus:curl", name: `fake${i}` })) },
});

describe("TestNegativeIndex and TestStep", () => {
  it.each([
    ["{.spec.containers[0].name}", "fake0"],
    ["{.spec.containers[0:0].name}", ""],
    ["{.spec.containers[0:-1].name}", "fake0 fake1 fake2"],
    ["{.spec.containers[-1].name}", "fake3"],
    ["{.spec.containers[-1:].name}", "fake3"],
    ["{.spec.containers[-2].name}", "fake2"],
    ["{.spec.containers[-2:].name}", "fake2 fake3"],
    ["{.spec.containers[-3].name}", "fake1"],
    ["{.spec.containers[-4].name}", "fake0"],
    ["{.spec.containers[-4:].name}", "fake0 fake1 fake2 fake3"],
    ["{.spec.containers[5:5].name}", ""],
    ["{.spec.containers[-5:-5].name}", ""],
  ])("4 containers: %s", (template, expected) => {
    expect(run(template, fakeContainers(4))).toBe(expected);
  });

  it.each([
    ["{.spec.containers[-1:0].name}", "starting index 3 is greater than ending index 0"],
    ["{.spec.containers[-5].name}", "array index out of bounds: index -1, length 4"],
    ["{.spec.containers[3:1].name}", "starting index 3 is greater than ending index 1"],
    ["{.spec.containers[-1:-2].name}", "starting index 3 is greater than ending index 2"],
    ["{.spec.containers[4].name}", "array index out of bounds: index 4, length 4"],
    ["{.spec.containers[0:5].name}", "array index out of bounds: index 4, length 4"],
    ["{.spec[0]}", "map[string]interface {} is not array or slice"],
  ])("4 containers fail: %s", (template, error) => {
    expect(rawError(template, fakeContainers(4))).toBe(error);
  });

  it.each([
    ["{.spec.containers[0:].name}", "fake0 fake1 fake2 fake3 fake4 fake5"],
    ["{.spec.containers[0:6:].name}", "fake0 fake1 fake2 fake3 fake4 fake5"],
    ["{.spec.containers[0:6:1].name}", "fake0 fake1 fake2 fake3 fake4 fake5"],
    ["{.spec.containers[1:4:2].name}", "fake1 fake3"],
    ["{.spec.containers[1:4:3].name}", "fake1"],
    ["{.spec.containers[1:4:4].name}", "fake1"],
    ["{.spec.containers[0:6:2].name}", "fake0 fake2 fake4"],
    ["{.spec.containers[0:6:3].name}", "fake0 fake3"],
    ["{.spec.containers[0:6:5].name}", "fake0 fake5"],
    ["{.spec.containers[0:6:6].name}", "fake0"],
  ])("6 containers: %s", (template, expected) => {
    expect(run(template, fakeContainers(6))).toBe(expected);
  });

  it.each(["{.spec.containers[0:6:0].name}", "{.spec.containers[0:6:-1].name}"])("step must be positive: %s", (template) => {
    expect(rawError(template, fakeContainers(6))).toBe("step must be > 0");
  });
});

const pod = (name: string, image: string, ip: string, restarts: number, labels: Record<string, string>) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", labels },
  spec: { containers: [{ name, image }], nodeName: "node01" },
  status: { phase: "Running", podIP: ip, containerStatuses: [{ name, ready: true, restartCount: restarts }] },
});
const podList = {
  apiVersion: "v1",
  items: [pod("nginx", "nginx:1.25", "10.244.1.2", 0, { run: "nginx" }), pod("web", "httpd:2.4", "10.244.1.3", 2, { app: "web", tier: "front" })],
  kind: "List",
  metadata: { resourceVersion: "" },
};

describe("the CKA forms", () => {
  it.each([
    ["{.items[*].metadata.name}", "nginx web"],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}', "nginx\t10.244.1.2\nweb\t10.244.1.3\n"],
    ['{.items[?(@.metadata.name=="web")].spec.containers[*].image}', "httpd:2.4"],
    ["{.items[*].status.containerStatuses[0].restartCount}", "0 2"],
    ["{.items[0].metadata.labels}", '{"run":"nginx"}'],
    ["{.items[1].metadata.labels}", '{"app":"web","tier":"front"}'],
    ["{.items[*].metadata.labels.app}", "web"],
    ['{.items[?(@.status.containerStatuses[0].restartCount>0)].metadata.name}', "web"],
    ["{$.kind}", "List"],
    ["{.items[1].status.containerStatuses[0].ready}", "true"],
  ])("%s", (template, expected) => {
    expect(run(template, podList, true)).toBe(expected);
  });

  it("prints the one object of get pod x", () => {
    expect(run("{.spec.containers[0].image}", podList.items[0], true)).toBe("nginx:1.25");
    expect(run("{@.metadata.name}", podList.items[1], true)).toBe("web");
  });

  it("prints a JSON null as Go's <nil> and escapes HTML in JSON", () => {
    expect(run("{.a} {.b}", { a: null, b: { c: "<x&y>" } })).toBe('<nil> {"c":"\\u003cx\\u0026y\\u003e"}');
  });
});

describe("kubectl's error texts", () => {
  const emptyList = { apiVersion: "v1", items: [], kind: "List", metadata: { resourceVersion: "" } };

  it("wraps an execution error with the template and the object", () => {
    const t = parseJsonPath("{.foo}");
    if (!t.ok) throw new Error(t.error);
    expect(executeJsonPath(t.value, emptyList, { allowMissingKeys: false })).toEqual({ ok: false, error: golden("missing-key.stderr") });
  });

  it("quotes the template with Go's %q", () => {
    const template = '{range .items[*]}{.metadata.name}{"\\n"}{end}{.foo}';
    const t = parseJsonPath(template);
    if (!t.ok) throw new Error(t.error);
    const r = executeJsonPath(t.value, emptyList, { allowMissingKeys: false });
    expect(r.ok ? "" : r.error.split("\n")[0]).toBe(
      'error: error executing jsonpath "{range .items[*]}{.metadata.name}{\\"\\\\n\\"}{end}{.foo}": Error executing template: metadata is not found. Printing more information for debugging the template:',
    );
  });

  it.each([
    ["{.items[}", "error: error parsing jsonpath {.items[}, unterminated array"],
    ["{.hello", "error: error parsing jsonpath {.hello, unclosed action"],
    ["", "error: template format specified but no template given"],
  ])("parse error for %j", (template, error) => {
    expect(parseJsonPath(template)).toEqual({ ok: false, error });
  });
});

describe("Go value formatting", () => {
  it.each<[unknown, string]>([
    [{ b: [1, "x"], a: { c: null } }, "map[a:map[c:<nil>] b:[1 x]]"],
    [0.5, "0.5"],
    [1234567.5, "1.2345675e+06"],
    [0.00001, "1e-05"],
    [9007199254740991, "9007199254740991"],
    [1e20, "1e+20"],
  ])("fmt.Sprint of %j", (v, expected) => {
    expect(goSprint(v)).toBe(expected);
  });

  it("fmt's %#v of decoded JSON", () => {
    expect(goSyntax({ kind: "List", items: [], metadata: { resourceVersion: "" }, n: 1, x: null, t: "a\tb" })).toBe(
      'map[string]interface {}{"items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}, "n":1, "t":"a\\tb", "x":interface {}(nil)}',
    );
  });
});
