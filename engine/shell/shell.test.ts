import { describe, expect, it } from "vitest";
import { fakeKubectl, fakeWorld, newTestShell, runIn, TEST_EPOCH } from "./test-support";
import type { Program } from "./program";
import { Shell } from "./shell";
import type { ShellState } from "./shell-state";

/** Runs lines one after another in one shell, as a learner types them; returns the last result. */
async function session(lines: string[], world = fakeWorld()) {
  const shell = newTestShell(world);
  let last = { stdout: "", stderr: "", status: 0 };
  for (const l of lines) last = await runIn(shell, l);
  return { ...last, shell, world };
}

describe("prompt and cwd", () => {
  it.each([
    [[], "controlplane:~$ "],
    [["cd /etc/kubernetes"], "controlplane:/etc/kubernetes$ "],
    [["mkdir -p ~/work/x", "cd work/x"], "controlplane:~/work/x$ "],
    [["cd /"], "controlplane:/$ "],
    [["ssh node01"], "node01:~$ "],
    [["cd /tmp", "ssh node01", "cd /var", "exit"], "controlplane:/tmp$ "],
  ])("after %j the prompt is %j", async (lines, prompt) => {
    const { shell } = await session(lines);
    expect(shell.prompt()).toBe(prompt);
  });

  it("pwd, cd - and $PWD follow the working directory", async () => {
    const r = await session(["cd /etc", "cd /tmp", "cd - && pwd && echo $PWD $OLDPWD"]);
    expect(r.stdout).toBe("/etc\n/etc\n/etc /tmp\n");
  });
});

describe("the contract with programs", () => {
  it("passes argv after alias expansion, and heredoc input as stdin", async () => {
    const r = await session(["k apply -f - <<EOF\nkind: Pod\nname: $HOSTNAME\nEOF"]);
    expect(r.stdout).toBe("argv: kubectl apply -f -\nstdin: kind: Pod\nname: controlplane\n");
  });

  it("gives programs the exported environment, VAR=x prefixes, cwd, host and that host's files", async () => {
    const seen: Record<string, unknown>[] = [];
    const probe: Program = async (ctx) => {
      seen.push({ argv: ctx.argv, cwd: ctx.cwd, host: ctx.host, FOO: ctx.env.FOO, HOME: ctx.env.HOME, LOCAL: ctx.env.LOCAL, hostname: ctx.fs.readFile("/etc/hostname") });
      return 7;
    };
    const r = await session(["LOCAL=1", "cd /tmp", "FOO=bar probe a 'b c'", "echo $?", "ssh node01", "probe"], fakeWorld({ probe }));
    expect(seen).toEqual([
      { argv: ["probe", "a", "b c"], cwd: "/tmp", host: "controlplane", FOO: "bar", HOME: "/root", LOCAL: undefined, hostname: "controlplane\n" },
      { argv: ["probe"], cwd: "/root", host: "node01", FOO: undefined, HOME: "/root", LOCAL: undefined, hostname: "node01\n" },
    ]);
    expect(r.status).toBe(7);
  });

  it("pipes program output through coreutils and stops at the first failure of &&", async () => {
    const r = await session(["kubectl get pods -o name | tr a-z A-Z && kubectl fail && echo never"]);
    expect(r).toMatchObject({ stdout: "ARGV: KUBECTL GET PODS -O NAME\n", stderr: 'error: the server doesn\'t have a resource type "fail"\n', status: 1 });
  });

  it("sleep goes through the host clock: 30, 1.5 and 2m", async () => {
    const world = fakeWorld();
    await session(["sleep 30", "sleep 1.5", "sleep 2m", "sleep 1 1"], world);
    expect(world.slept).toBe(30_000 + 1_500 + 120_000 + 2_000);
  });

  it("date reads the host clock: GNU's default format and +FORMAT", async () => {
    const r = await session(["date; date +%F_%T; date -d @1; date +%s"]);
    expect(r.stdout).toBe(`Tue Nov 24 08:04:59 UTC 2026\n2026-11-24_08:04:59\nThu Jan  1 00:00:01 UTC 1970\n${TEST_EPOCH / 1000}\n`);
  });

  it("an exception thrown by a program becomes an error line, never escapes run", async () => {
    const boom: Program = async () => {
      throw new Error("kaboom");
    };
    const shell = newTestShell(fakeWorld({ boom }));
    expect(await runIn(shell, "boom; echo next $?")).toEqual({ stdout: "next 1\n", stderr: "boom: internal error: kaboom\n", status: 0 });
  });
});

describe("aliases and ~/.bashrc", () => {
  it("loads the CKA aliases and exports at start", async () => {
    const r = await session(["alias; echo $do"]);
    expect(r.stdout).toBe("alias k='kubectl'\nalias kn='kubectl config set-context --current --namespace'\n--dry-run=client -o yaml\n");
  });

  it("expands aliases defined later, chained, with trailing space, and not when quoted", async () => {
    const r = await session(["alias kgp='k get po' sudo='sudo ' ll='ls -1'", "kgp -A", "'k' x; \\k y", "alias sudo=env", "mkdir /tmp/d && touch /tmp/d/f && ll /tmp/d"]);
    expect(r.stdout).toBe("f\n");
    const kgp = await session(["alias kgp='k get po'", "kgp -A"]);
    expect(kgp.stdout).toBe("argv: kubectl get po -A\n");
    const quoted = await session(["'k' x"]);
    expect(quoted.stderr).toBe("k: command not found\n");
  });

  it("unalias removes and reports unknown names", async () => {
    const r = await session(["unalias k", "k get po"]);
    expect(r).toMatchObject({ stderr: "k: command not found\n", status: 127 });
  });

  it("exec bash reloads an edited ~/.bashrc", async () => {
    const r = await session(["echo 'alias kg=\"kubectl get\"' >> ~/.bashrc", "exec bash", "kg no"]);
    expect(r.stdout).toBe("argv: kubectl get no\n");
  });

  it("source <(kubectl completion bash) defines the completion functions and leaves no /dev/fd files", async () => {
    const r = await session(["source <(kubectl completion bash); complete -o default -F __start_kubectl k", "ls /dev/fd 2>&1"]);
    expect(r.stdout).toBe("ls: cannot access '/dev/fd': No such file or directory\n");
    const first = await session(["source <(kubectl completion bash); type -t __start_kubectl; echo $?"]);
    expect(first.stdout).toBe("function\n0\n");
  });
});

describe("ssh", () => {
  it("moves to a node and back with exit, printing ssh's goodbye", async () => {
    const r = await session(["ssh node01", "cat /etc/hostname; ls /etc/kubernetes", "exit"]);
    expect(r).toMatchObject({ stdout: "", stderr: "logout\nConnection to node01 closed.\n", status: 0 });
    expect(r.shell.prompt()).toBe("controlplane:~$ ");
    const on = await session(["ssh node01", "cat /etc/hostname; ls /etc/kubernetes"]);
    expect(on.stdout).toBe("node01\nmanifests\n");
  });

  it("runs a remote command and stays home", async () => {
    const r = await session(["ssh root@node01 'hostname; pwd'"]);
    expect(r.stdout).toBe("node01\n/root\n");
    expect(r.shell.prompt()).toBe("controlplane:~$ ");
  });

  it("a pasted block keeps going on the node after ssh", async () => {
    const r = await session(["ssh node01\ntouch /tmp/on-node\nexit\nls /tmp"]);
    expect(r.stdout).toBe("");
    expect(r.world.fs.node01.stat("/tmp/on-node")?.type).toBe("file");
  });

  it.each([
    ["ssh nodex", "ssh: Could not resolve hostname nodex: Name or service not known\n", 255],
    ["ssh", expect.stringMatching(/^usage: ssh \[-46AaCfGgKkMNnqsTtVvXxYy\]/), 255],
  ])("%s fails like OpenSSH", async (line, stderr, status) => {
    const r = await session([line]);
    expect(r).toMatchObject({ stdout: "", stderr, status });
  });

  it("exit on the control plane ends the session and skips what follows", async () => {
    const shell = newTestShell();
    const r = await runIn(shell, "echo a; exit 3; echo b");
    expect(r).toEqual({ stdout: "a\n", stderr: "", status: 3 });
    expect(shell.exited).toBe(true);
  });

  it("exit inside ( ) or a pipe leaves only that subshell", async () => {
    const shell = newTestShell();
    expect(await runIn(shell, "(exit 4); echo $?; echo x | exit 5; echo $?")).toEqual({ stdout: "4\n5\n", stderr: "", status: 0 });
    expect(shell.exited).toBe(false);
  });
});

describe("state", () => {
  it("is plain JSON that a new Shell resumes from", async () => {
    const world = fakeWorld();
    const shell = newTestShell(world);
    await runIn(shell, "cd /tmp; export A=1; B=2; alias x='echo hi'; f() { echo fn $1; }; false");
    const state = JSON.parse(JSON.stringify(shell.state())) as ShellState;
    const resumed = new Shell(state, world.host);
    expect(await runIn(resumed, "echo $? $A $B; pwd; x; f 1; env | grep -c '^A=1$'")).toEqual({ stdout: "1 1 2\n/tmp\nhi\nfn 1\n1\n", stderr: "", status: 0 });
    expect(resumed.prompt()).toBe("controlplane:/tmp$ ");
  });

  it("keeps a numbered history", async () => {
    const r = await session(["echo a", " echo hidden", "echo b", "echo b", "history"]);
    expect(r.stdout).toBe("    1  echo a\n    2  echo b\n    3  history\n");
    const last = await session(["echo a", "echo b", "history 2"]);
    expect(last.stdout).toBe("    2  echo b\n    3  history 2\n");
  });
});

describe("scripts", () => {
  it("runs executable files, bash file and bash -c, with positional parameters", async () => {
    const r = await session([
      "printf '#!/bin/bash\\necho \"$0 got $# args: $1\"\\nexit 3\\n' > /tmp/s.sh",
      "chmod +x /tmp/s.sh; /tmp/s.sh a b; echo $?; bash /tmp/s.sh x; bash -c 'echo $1-$2' name p q; cd /tmp && ./s.sh",
    ]);
    expect(r.stdout).toBe("/tmp/s.sh got 2 args: a\n3\n/tmp/s.sh got 1 args: x\np-q\n./s.sh got 0 args: \n");
    const denied = await session(["touch /tmp/t.sh", "/tmp/t.sh", "/tmp", "./missing"]);
    expect(denied).toMatchObject({ stderr: "bash: ./missing: No such file or directory\n", status: 127 });
  });

  it.each([
    ["/tmp/t.sh", "bash: /tmp/t.sh: Permission denied\n", 126],
    ["/tmp", "bash: /tmp: Is a directory\n", 126],
    ["/usr/bin/kubectl version", "", 0],
  ])("%s", async (line, stderr, status) => {
    const r = await session(["touch /tmp/t.sh", line]);
    expect(r).toMatchObject({ stderr, status });
  });

  it("runs a multi-line paste statement by statement", async () => {
    const r = await session([`cat > /tmp/pod.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: $NAME
EOF
for f in /tmp/pod.yaml; do
  kubectl apply -f - < "$f"
done
echo done`]);
    expect(r.stdout).toBe("argv: kubectl apply -f -\nstdin: apiVersion: v1\nkind: Pod\nmetadata:\n  name: $NAME\ndone\n");
  });
});

describe("terminal helpers", () => {
  it("clear homes the cursor and erases the screen", async () => {
    expect((await session(["clear"])).stdout).toBe("\x1b[H\x1b[2J");
  });

  it("help names the commands", async () => {
    const r = await session(["help"]);
    for (const name of ["kubectl", "grep", "awk", "ssh", "alias"]) expect(r.stdout).toContain(name);
  });

  it("lists in columns on a terminal and one per line into a pipe", async () => {
    const r = await session(["cd /etc && ls; ls | cat"]);
    expect(r.stdout).toBe("hostname  hosts  kubernetes\nhostname\nhosts\nkubernetes\n");
  });

  it("ls -l shows mode, links, owner, size and a recent time", async () => {
    const r = await session(["cd /etc; ls -l; ls -ld /tmp"]);
    expect(r.stdout).toBe(
      "total 12\n-rw-r--r-- 1 root root   13 Nov 24 08:04 hostname\n-rw-r--r-- 1 root root   43 Nov 24 08:04 hosts\ndrwxr-xr-x 3 root root 4096 Nov 24 08:04 kubernetes\ndrwxrwxrwt 2 root root 4096 Nov 24 08:04 /tmp\n",
    );
  });

  it("ls -l shows the year for files over six months old", async () => {
    const world = fakeWorld();
    world.clock.now = TEST_EPOCH + 200 * 86_400_000;
    const r = await session(["ls -l /etc/hostname"], world);
    expect(r.stdout).toBe("-rw-r--r-- 1 root root 13 Nov 24  2026 /etc/hostname\n");
  });
});

describe("kubectl stand-in", () => {
  it("is reachable by name, alias and path, and in xargs", async () => {
    const r = await session(["echo a b | xargs kubectl delete pod"]);
    expect(r.stdout).toBe("argv: kubectl delete pod a b\n");
    expect(fakeKubectl).toBeTypeOf("function");
  });
});
