import { describe, expect, it } from "vitest";
import { newTestShell, runIn } from "./test-support";

/**
 * Errors of bash itself as an interactive bash 5.2 prints them (no "line N:" prefix), captured
 * from `bash --norc -i` fed each line on stdin.
 */
describe("bash's own error texts", () => {
  it.each([
    ["cd /nope", "", "bash: cd: /nope: No such file or directory\n", 1],
    ["cd /etc/hostname", "", "bash: cd: /etc/hostname: Not a directory\n", 1],
    ["cd a b", "", "bash: cd: too many arguments\n", 1],
    ["echo )", "", "bash: syntax error near unexpected token `)'\n", 2],
    ["fi", "", "bash: syntax error near unexpected token `fi'\n", 2],
    ["ls | | wc", "", "bash: syntax error near unexpected token `|'\n", 2],
    ["echo > ", "", "bash: syntax error near unexpected token `newline'\n", 2],
    ["if true; then", "", "bash: syntax error: unexpected end of file\n", 2],
    ["echo a &&", "", "bash: syntax error: unexpected end of file\n", 2],
    ['echo "abc', "", "bash: unexpected EOF while looking for matching `\"'\n", 2],
    ["echo ${x/", "", "bash: unexpected EOF while looking for matching `}'\n", 2],
    ['printf "%d\\n" abc', "0\n", "bash: printf: abc: invalid number\n", 1],
    ["[ abc -eq 1 ]", "", "bash: [: abc: integer expression expected\n", 2],
    ["[ 1 -eq ]", "", "bash: [: 1: unary operator expected\n", 2],
    ["[ a b ]", "", "bash: [: a: unary operator expected\n", 2],
    ["[ a", "", "bash: [: missing `]'\n", 2],
    ["test -q x", "", "bash: test: -q: unary operator expected\n", 2],
    ["type nosuch", "", "bash: type: nosuch: not found\n", 1],
    ["alias nope", "", "bash: alias: nope: not found\n", 1],
    ["unalias nope", "", "bash: unalias: nope: not found\n", 1],
    ["return", "", "bash: return: can only `return' from a function or sourced script\n", 1],
    ["break", "", "bash: break: only meaningful in a `for', `while', or `until' loop\n", 0],
    ["source", "", "bash: source: filename argument required\nsource: usage: source filename [arguments]\n", 2],
    ["source /nope", "", "bash: /nope: No such file or directory\n", 1],
    ["x=$((1/0))", "", 'bash: 1/0: division by 0 (error token is "0")\n', 1],
    ["echo ${x:?oops}; echo after", "", "bash: x: oops\n", 1],
    ["echo $((1+))", "", 'bash: 1+: syntax error: operand expected (error token is "+")\n', 1],
    ["local x=1", "", "bash: local: can only be used in a function\n", 1],
    ["export 1a=b", "", "bash: export: `1a=b': not a valid identifier\n", 1],
    ["shift 5; echo $?", "1\n", "", 0],
    ["exit abc", "", "bash: exit: abc: numeric argument required\n", 2],
    ["read -z", "", "bash: read: -z: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n", 2],
    ["history x", "", "bash: history: x: numeric argument required\n", 1],
    ["nosuch arg", "", "nosuch: command not found\n", 127],
    ["echo first\necho )", "first\n", "bash: syntax error near unexpected token `)'\n", 2],
  ])("%s", async (line, stdout, stderr, status) => {
    expect(await runIn(newTestShell(), line)).toEqual({ stdout, stderr, status });
  });
});
