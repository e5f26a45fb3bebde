import { describe, expect, it } from "vitest";
import { goEncode, goMarshal } from "./go-json";
import { goJsonSyntaxError } from "./go-json-syntax";

describe("goMarshal (encoding/json)", () => {
  it("sorts keys byte-wise and escapes HTML characters", () => {
    expect(goMarshal({ b: 1, a: "<a&b>", B: [true, null, 1.5], "": {} })).toBe('{"":{},"B":[true,null,1.5],"a":"\\u003ca\\u0026b\\u003e","b":1}');
  });
  it("ends an Encode with a newline", () => {
    expect(goEncode({ a: 1 })).toBe('{"a":1}\n');
  });
});

describe("goJsonSyntaxError (encoding/json's scanner messages)", () => {
  it.each<[string, string | undefined]>([
    ['{"a":1}', undefined],
    ["{'spec':{}}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
    ['{"a":[1,]}', "invalid character ']' looking for beginning of value"],
    ['{"spec": }', "invalid character '}' looking for beginning of value"],
    ['{"a":', "unexpected end of JSON input"],
    ['{"a":1}x', "invalid character 'x' after top-level value"],
    ['{"a":tru}', "invalid character 't' looking for beginning of value"],
  ])("%s", (text, error) => {
    expect(goJsonSyntaxError(text)).toBe(error);
  });
});
