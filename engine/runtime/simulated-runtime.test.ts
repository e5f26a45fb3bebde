/** The CKA classics as container commands, run forward in virtual time. */
import { describe, expect, it } from "vitest";
import { SimulatedRuntime } from "./simulated-runtime";
import { MI, T0, config, logText, running } from "./test-support";
import type { ContainerState } from "./container-state";
import type { ContainerConfig } from "./types";

const S = 1000;

describe("container commands", () => {
  it("sh -c 'echo hello; sleep 3600' prints, sleeps an hour, then completes", () => {
    const rt = running({ command: ["sh", "-c", "echo hello; sleep 3600"] });
    expect(rt.logs("c")).toEqual([{ time: T0, stream: "stdout", text: "hello" }]);
    expect(rt.step("c", T0 + 60 * S)).toEqual({ kind: "running", wakeAt: T0 + 3600 * S });
    expect(rt.step("c", T0 + 3600 * S)).toEqual({ kind: "exited", exitCode: 0, reason: "Completed", at: T0 + 3600 * S });
  });

  it.each<[string, Partial<ContainerConfig>, number, "Completed" | "Error", string]>([
    ["exit 0", { command: ["sh", "-c", "exit 0"] }, 0, "Completed", ""],
    ["exit 1", { command: ["sh", "-c", "exit 1"] }, 1, "Error", ""],
    ["a missing command inside sh", { command: ["sh", "-c", "foo"] }, 127, "Error", "sh: foo: not found\n"],
    ["/bin/false", { command: ["false"] }, 1, "Error", ""],
    ["busybox with no command: sh exits without a TTY", { image: "busybox" }, 0, "Completed", ""],
    ["ubuntu with no command: bash exits without a TTY", { image: "ubuntu:22.04" }, 0, "Completed", ""],
    ["python with no command: the REPL exits without a TTY", { image: "python:3.12" }, 0, "Completed", ""],
    ["python with a script that is not there", { image: "python:3.12", command: ["python", "app.py"] }, 2, "Error", "python: can't open file '/app.py': [Errno 2] No such file or directory\n"],
    ["curl with no URL", { image: "curlimages/curl:8.5.0" }, 2, "Error", "curl: try 'curl --help' or 'curl --manual' for more information\n"],
  ])("%s", (_name, over, exitCode, reason, log) => {
    const rt = running(over);
    expect(rt.step("c", T0 + S)).toEqual({ kind: "exited", exitCode, reason, at: T0 });
    expect(logText(rt)).toBe(log);
  });

  it("exits at the time its script does", () => {
    const rt = running({ command: ["sh", "-c", "sleep 5; exit 42"] });
    expect(rt.step("c", T0 + 4 * S)).toEqual({ kind: "running", wakeAt: T0 + 5 * S });
    expect(rt.step("c", T0 + 9 * S)).toEqual({ kind: "exited", exitCode: 42, reason: "Error", at: T0 + 5 * S });
  });

  it.each([
    ["foo", 'exec: "foo": executable file not found in $PATH'],
    ["/foo", 'exec: "/foo": stat /foo: no such file or directory'],
    ["/etc/hostname", 'exec: "/etc/hostname": permission denied'],
  ])("a command that cannot be executed (%s) fails to start with runc's text", (cmd, detail) => {
    const r = new SimulatedRuntime().start("c", "node01", config({ command: [cmd] }), T0);
    expect(r).toEqual({ ok: false, message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown` });
  });

  it("runs a script it finds on a volume, with its shebang", () => {
    const rt = new SimulatedRuntime();
    rt.ensureVolume("p/scripts", { kind: "files", files: { "run.sh": "#!/bin/sh\necho from script $1\n" }, mode: 0o755 });
    rt.start("c", "node01", config({ command: ["/scripts/run.sh", "arg"], mounts: [{ path: "/scripts", volume: "p/scripts", readOnly: true }] }), T0);
    expect(logText(rt)).toBe("from script arg\n");
  });
});

describe("containers sharing an emptyDir", () => {
  it("a reader sees what the writer's `date >> /data/out.log` loop appended", () => {
    const rt = new SimulatedRuntime();
    rt.ensureVolume("p/data", { kind: "empty" });
    const mounts = [{ path: "/data", volume: "p/data", readOnly: false }];
    rt.start("w", "node01", config({ podUid: "p", name: "writer", command: ["sh", "-c", "while true; do date >> /data/out.log; sleep 5; done"], mounts }), T0);
    rt.start("r", "node01", config({ podUid: "p", name: "reader", command: ["sh", "-c", "sleep 1; while true; do tail -n 1 /data/out.log; sleep 10; done"], mounts }), T0);
    rt.step("r", T0 + 30 * S);
    expect(logText(rt, "r")).toBe("Thu Jan  1 12:00:00 UTC 2026\nThu Jan  1 12:00:10 UTC 2026\nThu Jan  1 12:00:20 UTC 2026\n");
    expect(rt.exec("r", ["cat", "/data/out.log"], "", T0 + 30 * S).stdout.split("\n")).toHaveLength(8);
  });

  it("a read-only mount refuses writes", () => {
    const rt = new SimulatedRuntime();
    rt.ensureVolume("p/cfg", { kind: "files", files: { "app.conf": "x=1\n" } });
    rt.start("c", "node01", config({ command: ["sleep", "60"], mounts: [{ path: "/etc/app", volume: "p/cfg", readOnly: true }] }), T0);
    expect(rt.exec("c", ["sh", "-c", "cat /etc/app/app.conf; echo y >> /etc/app/app.conf"], "", T0 + S)).toEqual({ stdout: "x=1\n", stderr: "sh: can't create /etc/app/app.conf: Read-only file system\n", exitCode: 1 });
  });
});

describe("snapshot and restore", () => {
  it("a process restored mid-sleep inside a while loop continues exactly as an uninterrupted one", () => {
    const cmd = ["sh", "-c", 'i=0; while [ $i -lt 100 ]; do i=$((i+1)); echo "tick $i $(date +%T)"; sleep 7; done; echo done'];
    const a = running({ podUid: "same", command: cmd });
    a.step("c", T0 + 20 * S);
    const b = new SimulatedRuntime(JSON.parse(JSON.stringify(a.toState())));
    for (const rt of [a, b]) rt.step("c", T0 + 800 * S);
    expect(logText(b)).toBe(logText(a));
    expect(logText(a).split("\n").slice(-3)).toEqual(["tick 100 12:11:33", "done", ""]);
    expect(JSON.stringify(b.toState())).toBe(JSON.stringify(a.toState()));
  });
});

describe("signals", () => {
  it("a shell running sleep as PID 1 ignores TERM; KILL ends it with 137", () => {
    const rt = running({ command: ["sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"] });
    expect(rt.signal("c", "TERM", T0 + 40 * S)).toEqual({ kind: "running", wakeAt: T0 + 630 * S });
    expect(rt.signal("c", "KILL", T0 + 70 * S)).toEqual({ kind: "exited", exitCode: 137, reason: "Error", at: T0 + 70 * S });
  });

  it("a trap on TERM runs once the foreground sleep ends", () => {
    const rt = running({ command: ["sh", "-c", "trap 'echo bye; exit 0' TERM; while true; do sleep 2; done"] });
    expect(rt.signal("c", "TERM", T0 + 5 * S)).toEqual({ kind: "running", wakeAt: T0 + 6 * S });
    expect(rt.step("c", T0 + 10 * S)).toEqual({ kind: "exited", exitCode: 0, reason: "Completed", at: T0 + 6 * S });
    expect(logText(rt)).toBe("bye\n");
  });

  it("a trap interrupts `wait` at once", () => {
    const rt = running({ command: ["sh", "-c", "trap 'exit 0' TERM; sleep 1000 & wait"] });
    expect(rt.signal("c", "TERM", T0 + 5 * S)).toEqual({ kind: "exited", exitCode: 0, reason: "Completed", at: T0 + 5 * S });
  });

  it.each<[string, Partial<ContainerConfig>, number, "Completed" | "Error"]>([
    ["nginx quits gracefully on SIGQUIT", { image: "nginx:1.27.4" }, 0, "Completed"],
    ["redis saves and exits", { image: "redis:7.2" }, 0, "Completed"],
    ["the pause container exits 0", { image: "registry.k8s.io/pause:3.10" }, 0, "Completed"],
    ["a Go server as PID 1 falls back to exit(2)", { image: "registry.k8s.io/liveness", args: ["/server"] }, 2, "Error"],
  ])("%s", (_name, over, exitCode, reason) => {
    const rt = running(over);
    const r = rt.signal("c", "TERM", T0 + 10 * S);
    expect(r.kind).toBe("running");
    const done = rt.step("c", T0 + 15 * S);
    expect(done).toMatchObject({ kind: "exited", exitCode, reason });
  });

  it("nginx exec'd by `sh -c` is PID 1 and gets the signal; behind a loop it does not", () => {
    const direct = running({ image: "nginx:1.27.4", command: ["sh", "-c", "echo starting; nginx -g 'daemon off;'"] });
    expect(direct.signal("c", "TERM", T0 + S)).toMatchObject({ kind: "running", wakeAt: T0 + S + 20 });
    const wrapped = running({ image: "nginx:1.27.4", command: ["sh", "-c", "nginx -g 'daemon off;'; echo after"] });
    expect(wrapped.signal("c", "TERM", T0 + S)).toEqual({ kind: "running" });
  });
});

describe("memory", () => {
  it("stress allocating 250M under a 100Mi limit is OOMKilled", () => {
    const rt = running({ image: "polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"], memoryLimit: 100 * MI });
    const r = rt.step("c", T0 + 5 * S);
    expect(r).toMatchObject({ kind: "exited", exitCode: 137, reason: "OOMKilled" });
    expect(r.kind === "exited" && r.at - T0).toBeLessThan(S);
    expect(logText(rt)).toBe("stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n");
  });

  it("stress allocating 150M under a 200Mi limit runs and shows its memory", () => {
    const rt = running({ image: "polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"], memoryLimit: 200 * MI });
    expect(rt.step("c", T0 + 60 * S)).toEqual({ kind: "running" });
    expect(Math.round(rt.usage("c", T0 + 60 * S).memoryBytes / MI)).toBe(151);
  });

  it.each([
    ["nginx:1.27.5", 3, 4],
    ["redis:7.2", 7, 9],
    ["busybox:1.36", 0, 1],
  ])("%s uses a little memory when idle", (image, min, max) => {
    const rt = running({ image, command: image.startsWith("busybox") ? ["sleep", "3600"] : undefined });
    const mib = rt.usage("c", T0 + 60 * S).memoryBytes / MI;
    expect(mib).toBeGreaterThanOrEqual(min);
    expect(mib).toBeLessThanOrEqual(max);
  });
});

describe("runaway processes", () => {
  it("an endless loop without sleep spends its step budget, counts as spinning and does not hang", () => {
    const rt = running({ command: ["sh", "-c", "while true; do :; done"], cpuLimit: 0.5 });
    const r = rt.step("c", T0 + 10 * S);
    expect(r).toEqual({ kind: "running", wakeAt: T0 + 12 * S });
    expect(rt.usage("c", T0 + 10 * S).cpuCores).toBe(0.5);
  });

  it("a log flood keeps only the newest 10,000 lines", () => {
    const rt = running({ command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo line $i; done"] });
    for (let t = 1; t <= 8; t++) rt.step("c", T0 + t * 100 * S);
    const logs = rt.logs("c");
    expect(logs).toHaveLength(10_000);
    expect(Number(logs[0].text.split(" ")[1]) + 9_999).toBe(Number(logs[logs.length - 1].text.split(" ")[1]));
  });
});

describe("determinism", () => {
  it("the same calls give byte-identical state", () => {
    const run = (): string => {
      const rt = new SimulatedRuntime();
      rt.pull("node01", "nginx:1.27.5");
      rt.start("a", "node01", config({ podUid: "x", image: "nginx:1.27.5" }), T0);
      rt.start("b", "node01", config({ podUid: "y", podIP: "10.244.1.6", command: ["sh", "-c", "while true; do wget -qO- 10.244.1.5 | head -n 4; sleep 30; done"] }), T0);
      rt.step("a", T0 + 100 * S);
      rt.step("b", T0 + 100 * S);
      rt.probe("a", { httpGet: { path: "/", port: 80 } }, T0 + 100 * S);
      return JSON.stringify(rt.toState());
    };
    expect(run()).toBe(run());
  });
});

describe("views of containers", () => {
  /** nginx in pod x (10.244.1.5), and a client in pod y that fetches its page at 30 s */
  function twoPods(): SimulatedRuntime {
    const rt = new SimulatedRuntime();
    rt.pull("node01", "nginx:1.27.5");
    rt.start("a", "node01", config({ podUid: "x", image: "nginx:1.27.5" }), T0);
    rt.start("b", "node01", config({ podUid: "y", podIP: "10.244.1.6", command: ["sh", "-c", "sleep 30; wget -qO- 10.244.1.5 >/dev/null; sleep 3600"] }), T0);
    return rt;
  }

  it("gives the same view of a container nothing looked up since", () => {
    const rt = twoPods();
    const first = rt.toState(true).containers;
    rt.step("b", T0 + 10 * S);
    const again = rt.toState(true).containers;
    expect(again.a).toBe(first.a);
    expect(again.b).not.toBe(first.b);
  });

  it("gives a new view, with the change, of a container another pod connected to", () => {
    const rt = twoPods();
    const first = rt.toState(true).containers;
    rt.step("b", T0 + 60 * S);
    const after = rt.toState(true).containers;
    expect(after.a).not.toBe(first.a);
    expect((after.a as ContainerState).log.at(-1)?.text).toMatch(/^10\.244\.1\.6 - - .* "GET \/ HTTP\/1\.1" 200 /);
    expect(JSON.stringify(after)).toBe(JSON.stringify(rt.toState().containers));
  });

  it.each<[string, (rt: SimulatedRuntime) => unknown]>([
    ["step", (rt) => rt.step("a", T0 + 5 * S)],
    ["exec", (rt) => rt.exec("a", ["sh", "-c", "echo hi > /tmp/hi"], "", T0 + 5 * S)],
    ["probe", (rt) => rt.probe("a", { httpGet: { path: "/", port: 80 } }, T0 + 5 * S)],
    ["signal", (rt) => rt.signal("a", "TERM", T0 + 5 * S)],
    ["logs", (rt) => rt.logs("a", T0 + 5 * S)],
    ["usage", (rt) => rt.usage("a", T0 + 5 * S)],
  ])("gives a new view of a container after %s, the same as a copy of its state", (_, call) => {
    const rt = twoPods();
    const first = rt.toState(true).containers.a;
    call(rt);
    const after = rt.toState(true).containers;
    expect(after.a).not.toBe(first);
    expect(JSON.stringify(after)).toBe(JSON.stringify(rt.toState().containers));
  });
});

describe("cluster DNS", () => {
  it("the docs' init container waits with nslookup until its Service exists", () => {
    const rt = new SimulatedRuntime();
    let exists = false;
    rt.setNetwork({ resolve: (host) => (exists && host.startsWith("myservice") ? { ip: "10.96.12.34" } : undefined) });
    rt.start("c", "node01", config({ image: "busybox:1.28", command: ["sh", "-c", "until nslookup myservice.default.svc.cluster.local; do echo waiting for myservice; sleep 2; done"] }), T0);
    expect(rt.step("c", T0 + 5 * S)).toEqual({ kind: "running", wakeAt: T0 + 6 * S });
    exists = true;
    expect(rt.step("c", T0 + 7 * S)).toEqual({ kind: "exited", exitCode: 0, reason: "Completed", at: T0 + 6 * S });
    expect(logText(rt).split("\n").slice(0, 5)).toEqual(["Server:    10.96.0.10", "Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local", "", "nslookup: can't resolve 'myservice.default.svc.cluster.local'", "waiting for myservice"]);
    expect(logText(rt).split("\n").slice(-3)).toEqual(["Name:      myservice.default.svc.cluster.local", "Address 1: 10.96.12.34 myservice.default.svc.cluster.local", ""]);
  });
});
