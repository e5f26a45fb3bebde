// Cases from kubectl/pkg/cmd/get/sorter_test.go (TestSortingPrinter runs each case through
// both the table sorter and the list sorter, as here), error texts from sorter.go, and tie
// orders produced by Go's own sort.Sort (pdqsort) on the same inputs.
import { describe, expect, it } from "vitest";
import type { SortOptions } from "./sort-by";
import { naturalLess, parseGoQuantity, sortObjects } from "./sort-by";

const MODES: SortOptions[] = [{ mode: "table" }, { mode: "list" }];
const named = (...names: string[]) => names.map((name) => ({ kind: "Pod", metadata: { name } }));
const created = (seconds: number) => ({ metadata: { creationTimestamp: new Date(seconds * 1000).toISOString().replace(".000", "") } });
const rc = (status: Record<string, unknown>) => ({ kind: "ReplicationController", apiVersion: "v1", status });
const requests = (memory: string, cpu: string) => ({
  spec: { containers: [{ resources: { requests: { ...(memory ? { memory } : {}), ...(cpu ? { cpu } : {}) }, limits: {} } }] },
});

describe.each(MODES)("sortObjects, $mode", (opts) => {
  it.each<[string, unknown[], string, unknown[]]>([
    ["empty", [], "{.metadata.name}", []],
    ["in-order-already", named("a", "b", "c"), "{.metadata.name}", named("a", "b", "c")],
    ["reverse-order", named("b", "c", "a"), "{.metadata.name}", named("a", "b", "c")],
    ["relaxed path", named("b", "c", "a"), "metadata.name", named("a", "b", "c")],
    ["random-order-timestamp", [created(300), created(100), created(200)], "{.metadata.creationTimestamp}", [created(100), created(200), created(300)]],
    [
      "random-order-numbers",
      [{ spec: { replicas: 5 } }, { spec: { replicas: 1 } }, { spec: { replicas: 9 } }],
      "{.spec.replicas}",
      [{ spec: { replicas: 1 } }, { spec: { replicas: 5 } }, { spec: { replicas: 9 } }],
    ],
    ["some-missing-fields", [rc({ availableReplicas: 2 }), rc({}), rc({ availableReplicas: 1 })], "{.status.availableReplicas}", [rc({}), rc({ availableReplicas: 1 }), rc({ availableReplicas: 2 })]],
    [
      "empty fields",
      [
        { metadata: { creationTimestamp: "1970-01-01T00:05:00Z" }, lastTimestamp: "1970-01-01T00:05:00Z" },
        { metadata: { creationTimestamp: "1970-01-01T00:03:20Z" }, lastTimestamp: null },
      ],
      "{.lastTimestamp}",
      [
        { metadata: { creationTimestamp: "1970-01-01T00:03:20Z" }, lastTimestamp: null },
        { metadata: { creationTimestamp: "1970-01-01T00:05:00Z" }, lastTimestamp: "1970-01-01T00:05:00Z" },
      ],
    ],
    [
      "pod-resources-cpu-random-order-with-missing-fields",
      [requests("", "0.5"), requests("", "10"), requests("", "100m"), requests("", "")],
      "{.spec.containers[].resources.requests.cpu}",
      [requests("", ""), requests("", "100m"), requests("", "0.5"), requests("", "10")],
    ],
    [
      "pod-resources-memory-random-order-with-missing-fields",
      ["128Mi", "10Ei", "8Ti", "64Gi", "55Pi", "2Ki", ""].map((m) => requests(m, "")),
      "{.spec.containers[].resources.requests.memory}",
      ["", "2Ki", "128Mi", "64Gi", "8Ti", "55Pi", "10Ei"].map((m) => requests(m, "")),
    ],
    ["natural order of names", named("pod10", "pod2", "pod1", "pod02"), ".metadata.name", named("pod1", "pod2", "pod02", "pod10")],
  ])("%s", (_name, objects, field, expected) => {
    expect(sortObjects(objects, field, opts)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown[], string]>([
    ["all-missing-fields", [rc({ replicas: 0 }), rc({ replicas: 0 })], "{.status.availableReplicas}"],
    ["model-invalid-fields", [rc({}), rc({}), rc({})], "{.invalid}"],
  ])("%s", (_name, objects, field) => {
    expect(sortObjects(objects, field, opts)).toEqual({ ok: false, error: `error: couldn't find any field with path "${field}" in the list of objects` });
  });

  it("puts objects without the field first, in the order Go's insertion sort leaves them", () => {
    const objects = [{ id: "a" }, { id: "b", n: 1 }, { id: "c" }];
    expect(sortObjects(objects, ".n", opts)).toEqual({ ok: true, value: [{ id: "c" }, { id: "a" }, { id: "b", n: 1 }] });
  });
});

describe("TestRuntimeSortLess, through the sort", () => {
  const pods = [
    { metadata: { name: "b" }, ...requests("0.5", "1Gi") },
    { metadata: { name: "c" }, ...requests("2", "1Ti") },
    { metadata: { name: "a" }, ...requests("10m", "1Ki") },
  ];
  const names = (field: string) => {
    const r = sortObjects(pods, field, { mode: "list" });
    return r.ok ? r.value.map((p) => (p as { metadata: { name: string } }).metadata.name).join(",") : r.error;
  };
  it("by name", () => expect(names("{.metadata.name}")).toBe("a,b,c"));
  it("by memory request", () => expect(names("{.spec.containers[].resources.requests.memory}")).toBe("a,b,c"));
  it("by cpu request", () => expect(names("{.spec.containers[].resources.requests.cpu}")).toBe("a,b,c"));
});

describe("table and list differ", () => {
  it("a table of one row is never sorted or checked", () => {
    expect(sortObjects(named("x"), "{.nope}", { mode: "table" })).toEqual({ ok: true, value: named("x") });
    expect(sortObjects(named("x"), "{.nope}", { mode: "list" })).toEqual({ ok: false, error: 'error: couldn\'t find any field with path "{.nope}" in the list of objects' });
  });

  it.each<[SortOptions, string, string]>([
    [{ mode: "table" }, ".items[", "error: sorting error: unterminated array"],
    [{ mode: "list" }, ".items[", "error: unterminated array"],
    [{ mode: "table" }, "{.a", "error: sorting error: unclosed action"],
    [{ mode: "list" }, "{.a", "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
  ])("bad path %j", (opts, field, error) => {
    expect(sortObjects(named("a", "b"), field, opts)).toEqual({ ok: false, error });
  });

  it("reports an index out of range", () => {
    const objects = [{ spec: { containers: [{ name: "a" }, { name: "b" }] } }, { spec: { containers: [{ name: "c" }] } }];
    expect(sortObjects(objects, ".spec.containers[1].name", { mode: "table" })).toEqual({
      ok: false,
      error: 'error: Failed to get values for [][]reflect.Value(nil) using {.spec.containers[1].name} (&errors.errorString{s:"array index out of bounds: index 1, length 1"})',
    });
    expect(sortObjects([objects[1], objects[0]], ".spec.containers[1].name", { mode: "list" })).toEqual({ ok: false, error: "error: array index out of bounds: index 1, length 1" });
  });

  it.each<[SortOptions, string]>([
    [{ mode: "table" }, "[][][]reflect.Value"],
    [{ mode: "list" }, "*unstructured.Unstructured"],
  ])("refuses to order booleans (%j)", (opts, holder) => {
    const objects = [{ spec: { ok: true } }, { spec: { ok: false } }];
    expect(sortObjects(objects, ".spec.ok", opts)).toEqual({ ok: false, error: `Field {.spec.ok} in ${holder} is an unsortable type: interface, err: unsortable type: bool` });
  });

  it("refuses to order a number against a string", () => {
    expect(sortObjects([{ v: 1 }, { v: "x" }], ".v", { mode: "table" })).toEqual({
      ok: false,
      error: "Field {.v} in [][][]reflect.Value is an unsortable type: interface, err: unsortable interface: interface",
    });
  });
});

describe("ties land where Go's sort.Sort puts them", () => {
  // [values (-1: field missing), resulting order of the original positions], from Go's sort.Sort.
  const cases: [string, string][] = [
    ["2 2 1 2 1 -1 0 1 -1 0 1 3 2", "8 5 9 6 4 2 7 10 3 1 0 12 11"],
    ["1 -1 2 2 1 0 0 0 -1 0 0 0 0 1 3 0 3 2 -1 0", "18 1 8 10 15 5 6 7 9 11 12 19 4 0 13 3 17 2 16 14"],
    [
      "0 3 1 2 2 0 3 1 2 -1 1 1 1 -1 1 2 0 3 2 -1 3 1 -1 2 -1 -1 -1 3 3 2 1 -1 -1 2 3 1 2 0 3 2 -1 -1 1 0 0 3 0 1 1 -1",
      "13 32 9 26 40 41 25 19 24 22 49 31 43 0 37 5 16 44 46 11 35 21 7 42 48 10 14 47 2 12 30 29 15 33 3 23 36 8 4 39 18 34 6 38 20 45 28 27 17 1",
    ],
    [
      "2 3 0 -1 2 -1 2 1 3 0 0 3 3 -1 0 3 3 2 0 1 0 0 1 3 3 1 3 3 3 3 3 0 0 2 1 1 2 1 2 2 0 3 2 3 0 2 1 3 0 -1 1 0 3 2 1 0 -1 3 2 2 3 -1 0 2",
      "5 49 3 56 61 13 48 21 62 9 10 2 55 51 14 40 44 32 18 31 20 7 19 54 50 25 46 35 22 37 34 42 45 33 63 59 58 53 38 39 17 6 36 4 0 15 23 47 27 43 28 41 52 29 26 12 11 57 24 16 60 1 8 30",
    ],
    [
      "0 3 3 -1 -1 1 2 -1 -1 3 0 -1 0 0 3 1 0 1 1 -1 -1 1 1 1 3 -1 0 3 2 1 3 1 -1 0 0 2 -1 2 3 3 1 -1 1 0 -1 0 2 0 2 3 -1 1 -1 2 0 3 0 1 0 3 1 3 3 1 3 2 1 1 0 2 -1 1 -1 2 -1 -1 1 2 2 2 2 2 1 -1 -1 -1 0 0 1 1 1 0 1 1 3 0 -1 1 3 3",
      "83 8 4 44 72 3 41 96 20 50 52 7 84 70 11 36 85 32 19 75 25 74 26 45 68 13 0 95 12 10 58 56 54 33 34 91 86 47 87 16 43 23 63 40 88 67 89 90 18 5 15 51 82 42 17 29 31 57 92 76 60 93 71 21 22 97 66 80 6 69 28 35 37 73 46 48 65 77 78 79 53 81 49 62 55 2 9 59 39 38 61 14 30 64 94 27 1 24 98 99",
    ],
  ];
  it.each(cases)("%s", (values, order) => {
    const objects = values.split(" ").map((v, id) => (v === "-1" ? { id } : { id, n: Number(v) }));
    for (const opts of MODES) {
      const r = sortObjects(objects, "{.n}", opts);
      expect(r.ok && r.value.map((o) => (o as { id: number }).id).join(" ")).toBe(order);
    }
  });
});

describe("helpers", () => {
  it.each([
    ["abc2", "abc12", true],
    ["abc12", "abc2", false],
    ["2", "02", true],
    ["a", "a0", true],
    ["1a", "a", true],
    ["Z", "a", true],
  ])("naturalLess(%j, %j)", (a, b, expected) => {
    expect(naturalLess(a, b)).toBe(expected);
  });

  it.each<[string, { m: bigint; exp: number } | undefined]>([
    ["100m", { m: 100n, exp: -3 }],
    ["0.5", { m: 5n, exp: -1 }],
    ["128Mi", { m: 128n * 2n ** 20n, exp: 0 }],
    ["1e3", { m: 1n, exp: 3 }],
    ["1.5n", { m: 2n, exp: -9 }],
    ["10Ei", { m: 2n ** 63n - 1n, exp: 0 }],
    ["m", { m: 0n, exp: -3 }],
    ["-1k", { m: -1n, exp: 3 }],
    ["web-1", undefined],
    ["2024-01-01T00:00:00Z", undefined],
    ["1KiB", undefined],
    ["ki", undefined],
    [" 1", undefined],
  ])("parseGoQuantity(%j)", (s, expected) => {
    expect(parseGoQuantity(s)).toEqual(expected);
  });
});
