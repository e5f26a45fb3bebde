import { describe, expect, it } from "vitest";
import { jsonMergePatch } from "./json-merge-patch";

// RFC 7386 Appendix A, every example.
const RFC_7386: readonly [string, string, string][] = [
  ['{"a":"b"}', '{"a":"c"}', '{"a":"c"}'],
  ['{"a":"b"}', '{"b":"c"}', '{"a":"b","b":"c"}'],
  ['{"a":"b"}', '{"a":null}', "{}"],
  ['{"a":"b","b":"c"}', '{"a":null}', '{"b":"c"}'],
  ['{"a":["b"]}', '{"a":"c"}', '{"a":"c"}'],
  ['{"a":"c"}', '{"a":["b"]}', '{"a":["b"]}'],
  ['{"a":{"b":"c"}}', '{"a":{"b":"d","c":null}}', '{"a":{"b":"d"}}'],
  ['{"a":[{"b":"c"}]}', '{"a":[1]}', '{"a":[1]}'],
  ['["a","b"]', '["c","d"]', '["c","d"]'],
  ['{"a":"b"}', '["c"]', '["c"]'],
  ['{"a":"foo"}', "null", "null"],
  ['{"a":"foo"}', '"bar"', '"bar"'],
  ['{"e":null}', '{"a":1}', '{"e":null,"a":1}'],
  ["[1,2]", '{"a":"b","c":null}', '{"a":"b"}'],
  ["{}", '{"a":{"bb":{"ccc":null}}}', '{"a":{"bb":{}}}'],
];

describe("jsonMergePatch", () => {
  it.each(RFC_7386)("%s patched with %s is %s", (doc, patch, result) => {
    expect(jsonMergePatch(JSON.parse(doc), JSON.parse(patch))).toEqual(JSON.parse(result));
  });

  it("replaces a list whole, as `kubectl patch --type merge` does to containers (docs)", () => {
    const doc = { spec: { containers: [{ name: "a", image: "nginx" }, { name: "b", image: "redis" }] } };
    expect(jsonMergePatch(doc, { spec: { containers: [{ name: "c", image: "gcr.io/google-samples/node-hello:1.0" }] } })).toEqual({
      spec: { containers: [{ name: "c", image: "gcr.io/google-samples/node-hello:1.0" }] },
    });
  });
});
