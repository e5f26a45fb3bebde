/**
 * Quoting as bash 5.2 inserts a unique file name match. Every expected value was read off a
 * real bash 5.2.15 (readline's defaults, no bash-completion) driven through a pty:
 * `cat it<TAB>` gives `cat it\'s.yaml `, `cat 'man<TAB>` gives `cat 'manifests/`.
 */
import { describe, expect, it } from "vitest";
import { dequote, filenameMatch } from "./quote";

describe("dequote", () => {
  it.each([
    ["pods", "pods"],
    ["my\\ fi", "my fi"],
    ["'my fi", "my fi"],
    ["'my dir'/f", "my dir/f"],
    ['"a\\"b\\$c\\d"', 'a"b$c\\d'],
    ['"open', "open"],
    ["it\\'s", "it's"],
    ["''", ""],
  ])("%j is %j", (word, text) => {
    expect(dequote(word)).toBe(text);
  });
});

describe("filenameMatch", () => {
  it.each([
    // `cat <prefix><TAB>` with no quote open
    ["my file.yaml", false, "my\\ file.yaml"],
    ["it's.yaml", false, "it\\'s.yaml"],
    ["x:y", false, "x\\:y"],
    ["star*", false, "star\\*"],
    ['q"uote', false, 'q\\"uote'],
    ["yy=1", false, "yy\\=1"],
    ["ww@1", false, "ww\\@1"],
    ["uu!1", false, "uu\\!1"],
    ["tt{1", false, "tt\\{1"],
    ["qq$1", false, "qq\\$1"],
    ["pp&1", false, "pp\\&1"],
    ["oo(1", false, "oo\\(1"],
    ["#hash", false, "\\#hash"],
    // nothing the shell acts on: inserted as it is
    ["vv~1", false, "vv~1"],
    ["ss}1", false, "ss}1"],
    ["rr^1", false, "rr^1"],
    ["a,b", false, "a,b"],
    ["c]d", false, "c]d"],
    ["pod.yaml", false, "pod.yaml"],
    ["sub", true, "sub/"],
    ["my dir", true, "my\\ dir/"],
  ])("%j (directory: %j) is inserted as %j", (path, isDir, inserted) => {
    expect(filenameMatch(path, isDir)).toBe(inserted);
  });

  it.each([
    // `cat '<prefix><TAB>` and `cat "<prefix><TAB>`
    ["pod.yaml", false, "'", "'pod.yaml'"],
    ["pod.yaml", false, '"', '"pod.yaml"'],
    ["manifests", true, "'", "'manifests/"],
    ["my dir", true, "'", "'my dir'/"],
    ["my file.yaml", false, '"', '"my file.yaml"'],
    ["it's.yaml", false, "'", "'it'\\''s.yaml'"],
    ['q"uote', false, '"', '"q\\"uote"'],
    ["qq$1", false, '"', '"qq\\$1"'],
  ] as const)("%j (directory: %j) inside %s is inserted as %j", (path, isDir, quote, inserted) => {
    expect(filenameMatch(path, isDir, quote)).toBe(inserted);
  });
});
