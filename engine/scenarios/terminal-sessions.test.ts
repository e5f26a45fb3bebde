/**
 * Sessions that take over the learner's terminal: `kubectl exec -it POD -- sh` and
 * `kubectl run -it`. Screens are what a terminal shows: output, the container shell's
 * prompt, the keys typed.
 */
import { describe, expect, it } from "vitest";
import { atTerminal, shell, testWorkspace } from "../testing";

async function withPods(setup: string) {
  const ws = testWorkspace();
  const r = await shell(ws, `${setup}\nsleep 10`);
  expect(r.stderr).toBe("");
  return ws;
}

const BUSYBOX = "kubectl run bb --image=busybox:1.36 -- sleep 1d";
const NGINX = "kubectl run web --image=nginx:1.27.5";

describe("kubectl exec -it", () => {
  const cases: { name: string; setup: string; line: string; keys: string[]; screen: string; status: number }[] = [
    {
      name: "a busybox shell keeps its directory and variables between lines",
      setup: BUSYBOX,
      line: "kubectl exec -it bb -- sh",
      keys: ["cd /tmp; X=5", "echo $X; pwd", "touch a b", "ls", "exit"],
      screen: "/ # cd /tmp; X=5\n/tmp # echo $X; pwd\n5\n/tmp\n/tmp # touch a b\n/tmp # ls\na  b\n/tmp # exit\n",
      status: 0,
    },
    {
      name: "the shell's exit status is exec's",
      setup: BUSYBOX,
      line: "kubectl exec -it bb -- sh",
      keys: ["exit 3"],
      screen: "/ # exit 3\ncommand terminated with exit code 3\n",
      status: 3,
    },
    {
      name: "Ctrl-D ends the shell with the last command's status",
      setup: BUSYBOX,
      line: "kubectl exec -it bb -- sh",
      keys: ["false", "^D"],
      screen: "/ # false\n/ # ^D\ncommand terminated with exit code 1\n",
      status: 1,
    },
    {
      name: "Ctrl-C at the prompt drops the line and the session goes on",
      setup: BUSYBOX,
      line: "kubectl exec -it bb -- sh",
      keys: ["^C", "echo still here", "exit"],
      screen: "/ # ^C\n/ # echo still here\nstill here\n/ # exit\n",
      status: 0,
    },
    {
      name: "under a TTY errors arrive on the same stream",
      setup: BUSYBOX,
      line: "kubectl exec -it bb -- sh",
      keys: ["cat /nope", "nope", "exit"],
      screen: "/ # cat /nope\ncat: can't open '/nope': No such file or directory\n/ # nope\nsh: nope: not found\n/ # exit\ncommand terminated with exit code 127\n",
      status: 127,
    },
    {
      name: "bash in a Debian image: its prompt, GNU ls in columns, and its goodbye",
      setup: NGINX,
      line: "kubectl exec -it web -- bash",
      keys: ["cd /usr/share/nginx/html", "ls", "exit"],
      screen: "root@web:/# cd /usr/share/nginx/html\nroot@web:/usr/share/nginx/html# ls\n50x.html  index.html\nroot@web:/usr/share/nginx/html# exit\nexit\n",
      status: 0,
    },
    {
      name: "dash (sh in a Debian image) prompts with a bare #",
      setup: NGINX,
      line: "kubectl exec -it web -- sh",
      keys: ["echo $0", "exit"],
      screen: "# echo $0\nsh\n# exit\n",
      status: 0,
    },
    {
      name: "-i without -t: no prompt, and errors stay on stderr",
      setup: BUSYBOX,
      line: "kubectl exec -i bb -- sh",
      keys: ["echo hi", "exit 2"],
      screen: "echo hi\nhi\nexit 2\ncommand terminated with exit code 2\n",
      status: 2,
    },
    {
      name: "a command that is not a shell runs once, printing for a terminal",
      setup: BUSYBOX,
      line: "kubectl exec -it bb -- ls /",
      keys: [],
      screen: "bin   dev   etc   home  lib   proc  root  run   sbin  sys   tmp   usr   var\n",
      status: 0,
    },
    {
      name: "a missing shell is runc's refusal, before any prompt",
      setup: "kubectl run web --image=registry.k8s.io/pause:3.10",
      line: "kubectl exec -it web -- sh",
      keys: [],
      screen: "",
      status: 1,
    },
  ];
  it.each(cases)("$name", async ({ setup, line, keys, screen, status }) => {
    const ws = await withPods(setup);
    const r = await atTerminal(ws, line, keys);
    if (screen) expect(r.screen).toBe(screen);
    else expect(r.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown\n$/);
    expect(r.status).toBe(status);
  });

  it("time a typed command takes passes in the cluster", async () => {
    const ws = await withPods(BUSYBOX);
    const before = ws.now();
    const r = await atTerminal(ws, "kubectl exec -it bb -- sh", ["sleep 30; date", "exit"]);
    expect(r.screen).toBe("/ # sleep 30; date\nTue Jan 27 10:00:40 UTC 2026\n/ # exit\n");
    expect(ws.now() - before).toBe(30_000);
  });

  it("files written in the session are the container's: a later exec sees them", async () => {
    const ws = await withPods(BUSYBOX);
    await atTerminal(ws, "kubectl exec -it bb -- sh", ["echo ready > /tmp/flag", "exit"]);
    expect((await shell(ws, "kubectl exec bb -- cat /tmp/flag")).stdout).toBe("ready\n");
  });

  it("a session whose container is killed ends with 137", async () => {
    const ws = await withPods(BUSYBOX);
    let deleted = false;
    const r = await ws.run("kubectl exec -it bb -- sh", { stdout: () => undefined, stderr: () => undefined }, {
      terminal: {
        read: async () => {
          if (deleted) return { kind: "line", text: "echo late" };
          deleted = true;
          await ws.kubectl(["delete", "pod", "bb", "--grace-period=0", "--force"], { stdout: () => undefined, stderr: () => undefined });
          return { kind: "line", text: "echo gone" };
        },
      },
    });
    expect(r).toBe(137);
  });

  it("a pasted script is not a terminal: the shell reads nothing and ends", async () => {
    const ws = await withPods(BUSYBOX);
    const r = await shell(ws, "kubectl exec -it bb -- sh\necho after");
    expect(r.stdout).toBe("after\n");
    expect(r.status).toBe(0);
  });
});

describe("kubectl run -it", () => {
  it("attaches to the pod's shell; exit ends the pod and its status is kubectl's", async () => {
    const ws = testWorkspace();
    const r = await atTerminal(ws, "kubectl run -it bb --image=busybox:1.36 --restart=Never -- sh", ["echo hi; cd /tmp", "exit 4"]);
    expect(r.screen).toBe(
      "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n" +
        "If you don't see a command prompt, try pressing enter.\n" +
        "/ # echo hi; cd /tmp\nhi\n/tmp # exit 4\n" +
        "Session ended, resume using 'kubectl attach bb -c bb -n default -i -t' command\n" +
        "pod default/bb terminated (Error)\n",
    );
    expect(r.status).toBe(4);
    expect((await shell(ws, "kubectl logs bb")).stdout).toBe("hi\n");
    expect((await shell(ws, "kubectl get pod bb --no-headers")).stdout).toMatch(/^bb\s+0\/1\s+Error\s+0\s+/);
  });

  it("--rm deletes the pod once the shell ends with Ctrl-D", async () => {
    const ws = testWorkspace();
    const r = await atTerminal(ws, "kubectl run -it --rm tmp --image=busybox:1.36 --restart=Never", ["hostname", "^D"]);
    expect(r.screen.endsWith("/ # hostname\ntmp\n/ # ^D\nSession ended, resume using 'kubectl attach tmp -c tmp -n default -i -t' command\npod \"tmp\" deleted from default namespace\n")).toBe(true);
    expect(r.status).toBe(0);
  });

  it("a command typed into PID 1 takes its virtual time before the next prompt", async () => {
    const ws = testWorkspace();
    const r = await atTerminal(ws, "kubectl run -it bb --image=busybox:1.36 --restart=Never -- sh", ["sleep 20; echo done", "exit"]);
    expect(r.screen).toContain("/ # sleep 20; echo done\ndone\n/ # exit\n");
    expect(r.status).toBe(0);
  });
});

describe("a container started with stdin open", () => {
  it("keeps its shell waiting instead of completing; without stdin it completes", async () => {
    const ws = testWorkspace();
    const pod = (name: string, stdin: boolean) =>
      `cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: c\n    image: busybox:1.36\n    command: ["sh"]\n    stdin: ${stdin}\n    tty: ${stdin}\nEOF`;
    await shell(ws, `${pod("open", true)}\n${pod("closed", false)}\nsleep 20`);
    const r = await shell(ws, "kubectl get pods --no-headers");
    expect(r.stdout).toMatch(/^closed\s+0\/1\s+Completed\s+0\s+\S+\nopen\s+1\/1\s+Running\s+0\s+\S+\n$/);
  });
});
