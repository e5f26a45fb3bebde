import { describe, expect, it } from "vitest";
import { needsMoreInput } from "./syntax-error";

describe("needsMoreInput: when the terminal shows `> ` and waits", () => {
  it.each([
    ['echo "abc', true],
    ["echo 'abc", true],
    ["cat <<EOF\nline", true],
    ["cat <<'EOF'\nline\n", true],
    ["if true; then", true],
    ["if true; then echo; else", true],
    ["for x in a b; do", true],
    ["while true", true],
    ["echo a &&", true],
    ["echo a ||", true],
    ["ls |", true],
    ["echo a \\", true],
    ["f() {", true],
    ["echo $(ls", true],
    ["echo `ls", true],
    ["case x in", true],
    ["echo hi", false],
    ["cat <<EOF\nx\nEOF", false],
    ["cat <<-EOF\n\tx\n\tEOF", false],
    ["echo )", false],
    ["fi", false],
    ["", false],
    ["echo 'a'", false],
    ["echo a\\\\", false],
    ["echo >", false],
    ["ls | | wc", false],
  ])("%j → %s", (text, want) => {
    expect(needsMoreInput(text)).toBe(want);
  });
});
