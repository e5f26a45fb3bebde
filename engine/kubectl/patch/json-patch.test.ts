import { describe, expect, it } from "vitest";
import { applyJsonPatch, decodeJsonPatch } from "./json-patch";

const apply = (doc: string, patch: string) => {
  const ops = decodeJsonPatch(JSON.parse(patch));
  return ops.ok ? applyJsonPatch(JSON.parse(doc), ops.value) : ops;
};

// RFC 6902 Appendix A.
describe("applyJsonPatch, RFC 6902 examples", () => {
  it.each<[string, string, string, string]>([
    ["A.1 adding an object member", '{"foo":"bar"}', '[{"op":"add","path":"/baz","value":"qux"}]', '{"baz":"qux","foo":"bar"}'],
    ["A.2 adding an array element", '{"foo":["bar","baz"]}', '[{"op":"add","path":"/foo/1","value":"qux"}]', '{"foo":["bar","qux","baz"]}'],
    ["A.3 removing an object member", '{"baz":"qux","foo":"bar"}', '[{"op":"remove","path":"/baz"}]', '{"foo":"bar"}'],
    ["A.4 removing an array element", '{"foo":["bar","qux","baz"]}', '[{"op":"remove","path":"/foo/1"}]', '{"foo":["bar","baz"]}'],
    ["A.5 replacing a value", '{"baz":"qux","foo":"bar"}', '[{"op":"replace","path":"/baz","value":"boo"}]', '{"baz":"boo","foo":"bar"}'],
    ["A.6 moving a value", '{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}', '[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]', '{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}'],
    ["A.7 moving an array element", '{"foo":["all","grass","cows","eat"]}', '[{"op":"move","from":"/foo/1","path":"/foo/3"}]', '{"foo":["all","cows","eat","grass"]}'],
    ["A.8 testing a value: success", '{"baz":"qux","foo":["a",2,"c"]}', '[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]', '{"baz":"qux","foo":["a",2,"c"]}'],
    ["A.10 adding a nested member object", '{"foo":"bar"}', '[{"op":"add","path":"/child","value":{"grandchild":{}}}]', '{"foo":"bar","child":{"grandchild":{}}}'],
    ["A.14 ~ escape ordering", '{"/":9,"~1":10}', '[{"op":"test","path":"/~01","value":10}]', '{"/":9,"~1":10}'],
    ["A.16 adding an array value", '{"foo":["bar"]}', '[{"op":"add","path":"/foo/-","value":["abc","def"]}]', '{"foo":["bar",["abc","def"]]}'],
  ])("%s", (_name, doc, patch, result) => {
    expect(apply(doc, patch)).toEqual({ ok: true, value: JSON.parse(result) });
  });
});

describe("applyJsonPatch errors (evanphx/json-patch v4 texts)", () => {
  it.each<[string, string, string, string]>([
    ["A.9 a failed test", '{"baz":"qux"}', '[{"op":"test","path":"/baz","value":"bar"}]', "testing value /baz failed: test failed"],
    ["A.12 adding to a nonexistent target", '{"foo":"bar"}', '[{"op":"add","path":"/baz/bat","value":"qux"}]', 'add operation does not apply: doc is missing path: "/baz/bat": missing value'],
    ["replacing a missing key", '{"spec":{}}', '[{"op":"replace","path":"/spec/foo","value":1}]', "replace operation does not apply: doc is missing key: /spec/foo: missing value"],
    ["removing a missing key", '{"spec":{}}', '[{"op":"remove","path":"/spec/foo"}]', "error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value"],
    ["an index out of range", '{"a":[1]}', '[{"op":"add","path":"/a/5","value":2}]', "error in add for path: '/a/5': Unable to access invalid index: 5: invalid index referenced"],
    ["an unknown op", "{}", '[{"op":"frob","path":"/a"}]', "Unexpected kind: frob"],
  ])("%s", (_name, doc, patch, error) => {
    expect(apply(doc, patch)).toEqual({ ok: false, error });
  });

  it.each<[string, string]>([
    ['{"op":"replace"}', "json: cannot unmarshal object into Go value of type jsonpatch.Patch"],
    ['["op"]', "json: cannot unmarshal string into Go value of type jsonpatch.Operation"],
  ])("refuses %s as a patch", (patch, error) => {
    expect(decodeJsonPatch(JSON.parse(patch))).toEqual({ ok: false, error });
  });
});
