/**
 * The container shell through `kubectl exec`: POSIX semantics, and each shell's own error
 * wording — BusyBox ash (busybox, alpine), Debian's dash (nginx, redis) and bash.
 */
import { describe, expect, it } from "vitest";
import { T0, running } from "../test-support";

interface Case {
  readonly name: string;
  readonly argv: readonly string[];
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode?: number;
  readonly stdin?: string;
}

function exec(image: string, c: Case) {
  const rt = running({ image, command: ["sleep", "3600"] });
  return rt.exec("c", c.argv, c.stdin ?? "", T0 + 1000);
}

const posix: Case[] = [
  { name: "echo", argv: ["sh", "-c", "echo hello"], stdout: "hello\n" },
  { name: "echo -n joins lines", argv: ["sh", "-c", "echo -n a; echo b"], stdout: "ab\n" },
  { name: "printf formats", argv: ["sh", "-c", "printf '%s-%d|%5s\\n' x 5 ab"], stdout: "x-5|   ab\n" },
  { name: "variables and quoting", argv: ["sh", "-c", 'X="a  b"; echo $X; echo "$X"'], stdout: "a b\na  b\n" },
  { name: "default values", argv: ["sh", "-c", 'echo ${NOPE:-fallback} ${#HOSTNAME}'], stdout: "fallback 3\n" },
  { name: "arithmetic", argv: ["sh", "-c", "x=3; echo $((x * 2 + 1)) $((7 / 2)) $((7 % 4))"], stdout: "7 3 3\n" },
  { name: "for loop", argv: ["sh", "-c", "for i in 1 2 3; do echo $i; done"], stdout: "1\n2\n3\n" },
  { name: "while loop with test", argv: ["sh", "-c", "i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i"], stdout: "3\n" },
  { name: "until loop", argv: ["sh", "-c", "i=5; until [ $i -le 2 ]; do i=$((i-1)); done; echo $i"], stdout: "2\n" },
  { name: "if / elif / else", argv: ["sh", "-c", "if [ -d /nope ]; then echo a; elif [ -f /etc/hostname ]; then echo b; else echo c; fi"], stdout: "b\n" },
  { name: "&& and ||", argv: ["sh", "-c", "true && echo yes || echo no; false && echo yes || echo no"], stdout: "yes\nno\n" },
  { name: "exit status", argv: ["sh", "-c", "exit 3"], exitCode: 3 },
  { name: "$? after a failure", argv: ["sh", "-c", "false; echo $?"], stdout: "1\n" },
  { name: "command substitution", argv: ["sh", "-c", "echo [$(echo inner)]"], stdout: "[inner]\n" },
  { name: "date in a substitution", argv: ["sh", "-c", 'echo "now: $(date +%H:%M:%S)"'], stdout: "now: 12:00:01\n" },
  { name: "redirection > and >>", argv: ["sh", "-c", "echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f"], stdout: "a\nb\n" },
  { name: "2>&1 sends errors to stdout", argv: ["sh", "-c", "cat /nope 2>&1"], exitCode: 1 },
  { name: "pipes", argv: ["sh", "-c", "printf 'b\\na\\nb\\n' | sort | uniq -c"], stdout: "      1 a\n      2 b\n" },
  { name: "case", argv: ["sh", "-c", 'case web-1 in web-*) echo web;; *) echo other;; esac'], stdout: "web\n" },
  { name: "functions and return", argv: ["sh", "-c", "f() { echo in $1; return 4; }; f x; echo $?"], stdout: "in x\n4\n" },
  { name: "break out of an endless loop", argv: ["sh", "-c", "n=0; while true; do n=$((n+1)); [ $n -ge 5 ] && break; done; echo $n"], stdout: "5\n" },
  { name: "subshell keeps its own variables", argv: ["sh", "-c", "x=1; (x=2; echo $x); echo $x"], stdout: "2\n1\n" },
  { name: "here-document", argv: ["sh", "-c", "cat <<EOF\nhi $HOSTNAME\nEOF"], stdout: "hi web\n" },
  { name: "read from stdin", argv: ["sh", "-c", "read a b; echo [$b] [$a]"], stdin: "one two three\n", stdout: "[two three] [one]\n" },
  { name: "read with its own redirection reads the file's first line, each time", argv: ["sh", "-c", "printf 'a b c\\nd e\\n' > /tmp/s; read -r x y < /tmp/s; echo \"[$x] [$y]\"; read -r x y < /tmp/s; echo \"[$x]\""], stdout: "[a] [b c]\n[a]\n" },
  { name: "read splits on the IFS given to it alone", argv: ["sh", "-c", "echo key=val=ue > /tmp/kv; IFS='=' read -r k v < /tmp/kv; echo \"$k|$v\"; read -r k v < /tmp/kv; echo \"$k|$v\""], stdout: "key|val=ue\nkey=val=ue|\n" },
  { name: "read from a here-string and a here-document", argv: ["sh", "-c", "IFS=: read -r a b <<EOF\nx:y:z\nEOF\necho \"$a $b\""], stdout: "x y:z\n" },
  { name: "read without -r: backslash-newline joins, backslashes escape", argv: ["sh", "-c", "printf 'a\\\\\\nb c\\\\d\\n' | { read x y; echo \"$x|$y\"; }"], stdout: "ab|cd\n" },
  { name: "read -r keeps backslashes", argv: ["sh", "-c", "printf 'a\\\\b\\n' | { read -r x; printf '%s\\n' \"$x\"; }"], stdout: "a\\b\n" },
  { name: "read of a last line without newline sets it and returns 1", argv: ["sh", "-c", "printf 'last' | { read x; echo \"$? $x\"; }"], stdout: "1 last\n" },
  { name: "read with no names sets REPLY", argv: ["sh", "-c", "echo '  hi  ' | { read; echo \"[$REPLY]\"; }"], stdout: "[  hi  ]\n" },
  { name: "while read over a redirected file", argv: ["sh", "-c", "printf '1\\n2\\n' > /tmp/n; while read n; do echo \"n=$n\"; done < /tmp/n"], stdout: "n=1\nn=2\n" },
  { name: "sh reads its script from stdin", argv: ["sh"], stdin: "echo from stdin\n", stdout: "from stdin\n" },
  { name: "touch, test -f, rm -f", argv: ["sh", "-c", "touch /tmp/h; [ -f /tmp/h ] && echo there; rm -f /tmp/h; [ -f /tmp/h ] || echo gone"], stdout: "there\ngone\n" },
  { name: "mkdir -p and ls", argv: ["sh", "-c", "mkdir -p /tmp/a/b && touch /tmp/a/b/c && ls /tmp/a/b"], stdout: "c\n" },
  { name: "sleep takes virtual time", argv: ["sh", "-c", "date +%S; sleep 2.5; date +%S"], stdout: "01\n03\n" },
  { name: "env shows the pod's hostname", argv: ["sh", "-c", "env | grep HOSTNAME"], stdout: "HOSTNAME=web\n" },
];

describe("POSIX shell behaviour", () => {
  for (const image of ["busybox:1.36", "nginx:1.27.5"]) {
    it.each(posix)(`${image}: $name`, (c) => {
      const r = exec(image, c);
      if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
      expect(r.exitCode).toBe(c.exitCode ?? 0);
    });
  }
});

const wording: (Case & { image: string })[] = [
  { name: "ash: command not found", image: "busybox:1.36", argv: ["sh", "-c", "foo"], stderr: "sh: foo: not found\n", exitCode: 127 },
  { name: "ash as /bin/sh", image: "busybox:1.36", argv: ["/bin/sh", "-c", "foo"], stderr: "/bin/sh: foo: not found\n", exitCode: 127 },
  { name: "dash: command not found with line number", image: "nginx:1.27.5", argv: ["sh", "-c", "true\nfoo"], stderr: "sh: 2: foo: not found\n", exitCode: 127 },
  { name: "bash: command not found", image: "nginx:1.27.5", argv: ["bash", "-c", "foo"], stderr: "bash: line 1: foo: command not found\n", exitCode: 127 },
  { name: "alpine nginx uses ash", image: "nginx:1.27-alpine", argv: ["sh", "-c", "foo"], stderr: "sh: foo: not found\n", exitCode: 127 },
  { name: "busybox cat", image: "busybox:1.36", argv: ["cat", "/nope"], stderr: "cat: can't open '/nope': No such file or directory\n", exitCode: 1 },
  { name: "GNU cat", image: "nginx:1.27.5", argv: ["cat", "/nope"], stderr: "cat: /nope: No such file or directory\n", exitCode: 1 },
  { name: "busybox ls", image: "busybox:1.36", argv: ["ls", "/nope"], stderr: "ls: /nope: No such file or directory\n", exitCode: 1 },
  { name: "GNU ls", image: "nginx:1.27.5", argv: ["ls", "/nope"], stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 },
  { name: "GNU rm", image: "nginx:1.27.5", argv: ["rm", "/nope"], stderr: "rm: cannot remove '/nope': No such file or directory\n", exitCode: 1 },
  { name: "busybox rm", image: "busybox:1.36", argv: ["rm", "/nope"], stderr: "rm: can't remove '/nope': No such file or directory\n", exitCode: 1 },
  { name: "GNU mkdir", image: "nginx:1.27.5", argv: ["mkdir", "/a/b"], stderr: "mkdir: cannot create directory '/a/b': No such file or directory\n", exitCode: 1 },
  { name: "GNU touch", image: "nginx:1.27.5", argv: ["touch", "/a/b"], stderr: "touch: cannot touch '/a/b': No such file or directory\n", exitCode: 1 },
  { name: "dash redirect into a missing directory", image: "nginx:1.27.5", argv: ["sh", "-c", "echo x > /nope/f"], stderr: "sh: 1: cannot create /nope/f: Directory nonexistent\n", exitCode: 1 },
  { name: "ash redirect into a missing directory", image: "busybox:1.36", argv: ["sh", "-c", "echo x > /nope/f"], stderr: "sh: can't create /nope/f: nonexistent directory\n", exitCode: 1 },
  { name: "dash [ with a bad number", image: "nginx:1.27.5", argv: ["sh", "-c", "[ 1 -eq a ]"], stderr: "sh: 1: [: Illegal number: a\n", exitCode: 2 },
  { name: "dash [ with == (a bashism)", image: "nginx:1.27.5", argv: ["sh", "-c", "[ a == a ] && echo same"], stderr: "sh: 1: [: ==: unexpected operator\n", exitCode: 2 },
  { name: "ash [ accepts ==", image: "busybox:1.36", argv: ["sh", "-c", "[ a == a ] && echo same"], stdout: "same\n" },
  { name: "bash [ with a bad number", image: "nginx:1.27.5", argv: ["bash", "-c", "[ 1 -eq a ]"], stderr: "bash: line 1: [: a: integer expression expected\n", exitCode: 2 },
  { name: "dash echo interprets backslashes", image: "nginx:1.27.5", argv: ["sh", "-c", "echo 'a\\tb'"], stdout: "a\tb\n" },
  { name: "ash echo does not", image: "busybox:1.36", argv: ["sh", "-c", "echo 'a\\tb'"], stdout: "a\\tb\n" },
  { name: "bash arithmetic for and [[ ]]", image: "nginx:1.27.5", argv: ["bash", "-c", "for ((i=0; i<3; i++)); do echo $i; done; [[ web-1 == web* ]] && echo match"], stdout: "0\n1\n2\nmatch\n" },
  { name: "busybox sleep with a bad number", image: "busybox:1.36", argv: ["sleep", "abc"], stderr: "sleep: invalid number 'abc'\n", exitCode: 1 },
  { name: "GNU sleep with a bad interval", image: "nginx:1.27.5", argv: ["sleep", "abc"], stderr: "sleep: invalid time interval 'abc'\nTry 'sleep --help' for more information.\n", exitCode: 1 },
  // time: ash has no such keyword, so BusyBox's time applet (miscutils/time.c) times the command; dash finds no `time`; bash's keyword reports
  { name: "ash: time runs BusyBox's time applet", image: "busybox:1.36", argv: ["sh", "-c", "time sleep 1"], stdout: "", stderr: "real\t0m 1.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\n" },
  { name: "ash: time -p", image: "busybox:1.36", argv: ["sh", "-c", "time -p sleep 2.5"], stdout: "", stderr: "real 2.50\nuser 0.00\nsys 0.00\n" },
  { name: "ash: time of a failing command names its status", image: "busybox:1.36", argv: ["sh", "-c", "time false"], stdout: "", stderr: "Command exited with non-zero status 1\nreal\t0m 0.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\n", exitCode: 1 },
  { name: "ash: time times the first command of a pipeline", image: "busybox:1.36", argv: ["sh", "-c", "time echo hi | (sleep 3; cat)"], stdout: "hi\n", stderr: "real\t0m 0.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\n" },
  { name: "ash: past a minute", image: "busybox:1.36", argv: ["sh", "-c", "time sleep 75.5"], stdout: "", stderr: "real\t1m 15.50s\nuser\t0m 0.00s\nsys\t0m 0.00s\n" },
  { name: "dash: Debian has no time program", image: "nginx:1.27.5", argv: ["sh", "-c", "time sleep 1"], stderr: "sh: 1: time: not found\n", exitCode: 127 },
  { name: "bash: the time keyword", image: "nginx:1.27.5", argv: ["bash", "-c", "time sleep 1.5"], stdout: "", stderr: "\nreal\t0m1.500s\nuser\t0m0.000s\nsys\t0m0.000s\n" },
  { name: "bash: time -p", image: "nginx:1.27.5", argv: ["bash", "-c", "time -p sleep 1"], stdout: "", stderr: "real 1.00\nuser 0.00\nsys 0.00\n" },
];

describe("each shell's and toolbox's own words", () => {
  it.each(wording)("$name", (c) => {
    const r = exec(c.image, c);
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    if (c.stderr !== undefined) expect(r.stderr).toBe(c.stderr);
    expect(r.exitCode).toBe(c.exitCode ?? 0);
  });
});

describe("exec of something the image does not have", () => {
  it.each([
    ["nginx:1.27.5", ["ps"], 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown'],
    ["registry.k8s.io/pause:3.10", ["sh"], 'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown'],
    ["busybox:1.36", ["bash"], 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown'],
    ["redis:7.2", ["/usr/local/bin/nope"], 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/usr/local/bin/nope": stat /usr/local/bin/nope: no such file or directory: unknown'],
  ])("%s %j cannot start", (image, argv, startError) => {
    const rt = running({ image, command: image.includes("pause") ? undefined : ["sleep", "3600"] });
    expect(rt.exec("c", argv, "", T0 + 1000)).toEqual({ stdout: "", stderr: "", exitCode: 126, startError });
  });
});
