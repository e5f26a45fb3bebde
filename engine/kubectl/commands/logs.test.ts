/**
 * `kubectl logs` on the live cluster: what containers really wrote (nginx's start-up
 * lines, busybox output), how kubectl picks the pod and container (logs.go,
 * logsforobject.go, podcmd), the PodLogOptions (--tail, --since, --timestamps,
 * --limit-bytes, --previous), `-f`, and the API server's and kubelet's refusals.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Transcript } from "../../testing";
import { kubectlArgs, kubectlLine, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";
import { containerState, createPod, podManifest, setPodStatus, START_MS } from "./testdata/pod-states";

const golden = (name: string) => readFileSync(join(__dirname, "testdata", "logs", name), "utf8");
const ok = (stdout: string, stderr = ""): Transcript => ({ stdout, stderr, status: 0 });
const refused = (stderr: string): Transcript => ({ stdout: "", stderr, status: 1 });

async function workspaceWith(manifest: string, ms = START_MS): Promise<Workspace> {
  const ws = testWorkspace();
  await createPod(ws, manifest);
  ws.advance(ms);
  return ws;
}

async function jsonpath(ws: Workspace, target: string, path: string): Promise<string> {
  return (await kubectlArgs(ws, ["get", ...target.split(" "), "-o", `jsonpath=${path}`])).stdout;
}

/** An RFC 3339 time as nginx's error log prints it: `2026/01/27 10:00:03`. */
const nginxTime = (iso: string) => iso.replace(/^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)Z$/, "$1/$2/$3 $4");

/** An RFC 3339 time as busybox `date` prints it: `Tue Jan 27 10:00:03 UTC 2026`. */
function busyboxDate(iso: string): string {
  const [weekday, day, month, year, time] = new Date(iso).toUTCString().replace(",", "").split(" ");
  return `${weekday} ${month} ${day} ${time} UTC ${year}`;
}

/** A busybox pod that runs one shell script. */
function scriptPod(name: string, script: string, restartPolicy = "Always"): string {
  return JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name, labels: { run: name } }, spec: { restartPolicy, containers: [{ name, image: "busybox", command: ["sh", "-c", script] }] } });
}

/** The time a busybox `date` line names, in ms. */
const dateOf = (line: string) => Date.parse(line.replace(/^\w+ (\w+) (\d+) (\S+) UTC (\d+)$/, "$1 $2 $4 $3 UTC"));

const DATE_LOOP = "while true; do date; sleep 1; done";

describe("kubectl logs: what the container wrote", () => {
  it("shows nginx's own start-up lines", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run web --image=nginx:1.27.4");
    ws.advance(START_MS);
    const started = await jsonpath(ws, "pod web", "{.status.containerStatuses[0].state.running.startedAt}");
    expect(await kubectlLine(ws, "logs web")).toEqual(ok(golden("nginx-1.27.4-start.log").replaceAll("{started}", nginxTime(started))));
  });

  it("prefixes --timestamps in the runtime's RFC 3339 layout with nine fraction digits", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run web --image=nginx:1.27.4");
    ws.advance(START_MS);
    const started = await jsonpath(ws, "pod web", "{.status.containerStatuses[0].state.running.startedAt}");
    const stamp = `${started.slice(0, -1)}\\.\\d{9}Z ${nginxTime(started)} \\[notice\\] 1#1: `;
    expect((await kubectlLine(ws, "logs pod/web --timestamps --tail=2")).stdout).toMatch(new RegExp(`^${stamp}start worker process 28\\n${stamp}start worker process 29\\n$`));
  });

  it("reads what a busybox loop printed, one date a second, cut by --tail, --since and --limit-bytes", async () => {
    const ws = await workspaceWith(scriptPod("loop", DATE_LOOP), 10_000);
    const all = (await kubectlLine(ws, "logs loop")).stdout;
    const lines = all.split("\n").slice(0, -1);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.map((l) => dateOf(l) - dateOf(lines[0]))).toEqual(lines.map((_, i) => i * 1000));
    const started = await jsonpath(ws, "pod loop", "{.status.containerStatuses[0].state.running.startedAt}");
    expect(lines[0]).toBe(busyboxDate(started));
    const last3 = lines.slice(-3).join("\n") + "\n";
    expect(await kubectlLine(ws, "logs loop --tail=3")).toEqual(ok(last3));
    // the last 3 s hold three of the once-a-second lines
    expect(await kubectlLine(ws, "logs loop --since=3s")).toEqual(ok(last3));
    expect(await kubectlLine(ws, "logs loop --since-time=2020-01-01T00:00:00Z")).toEqual(ok(all));
    expect(await kubectlLine(ws, "logs loop --limit-bytes=10")).toEqual(ok(all.slice(0, 10)));
    const stamped = (await kubectlLine(ws, "logs loop --timestamps --tail=1")).stdout;
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4}\n$/);
    expect(busyboxDate(stamped.slice(0, 19) + "Z")).toBe(lines[lines.length - 1]);
  });

  it("reads a finished container's output", async () => {
    const ws = await workspaceWith(scriptPod("once", "echo done", "Never"));
    expect(await jsonpath(ws, "pod once", "{.status.phase}")).toBe("Succeeded");
    expect(await kubectlLine(ws, "logs once")).toEqual(ok("done\n"));
  });
});

describe("kubectl logs: picking the container", () => {
  it("defaults to the first container and says so when there are several", async () => {
    const ws = await workspaceWith(podManifest("web", ["a", "b"], ["setup"]));
    expect(await kubectlLine(ws, "logs web")).toEqual(ok("a says hello\n", 'Defaulted container "a" out of: a, b, setup (init)\n'));
    expect(await kubectlLine(ws, "logs web b")).toEqual(ok("b says hello\n"));
    expect(await kubectlLine(ws, "logs web -c setup")).toEqual(ok("setup done\n"));
  });

  it("reads init containers, then containers, with --all-containers, and names each with --prefix", async () => {
    const ws = await workspaceWith(podManifest("web", ["a", "b"], ["setup"]));
    expect(await kubectlLine(ws, "logs web --all-containers")).toEqual(ok("setup done\na says hello\nb says hello\n"));
    expect(await kubectlLine(ws, "logs web --all-containers --prefix")).toEqual(ok("[pod/web/setup] setup done\n[pod/web/a] a says hello\n[pod/web/b] b says hello\n"));
  });

  it("follows the kubectl.kubernetes.io/default-container annotation", async () => {
    const manifest = JSON.parse(podManifest("web", ["a", "b"]));
    manifest.metadata.annotations = { "kubectl.kubernetes.io/default-container": "b" };
    const ws = await workspaceWith(JSON.stringify(manifest));
    expect(await kubectlLine(ws, "logs web")).toEqual(ok("b says hello\n"));
  });

  it.each([
    ["logs web -c x", "error: container x is not valid for pod web out of: a, b, setup (init)\n"],
    ["logs web x", "error: container x is not valid for pod web out of: a, b, setup (init)\n"],
    ["logs web a -c b", "error: only one of -c or an inline [CONTAINER] arg is allowed\n"],
    ["logs web -c a --all-containers", "error: --all-containers=true should not be specified with container name a\n"],
  ])("%s", async (line, stderr) => {
    const ws = await workspaceWith(podManifest("web", ["a", "b"], ["setup"]));
    expect(await kubectlLine(ws, line)).toEqual(refused(stderr));
  });
});

describe("kubectl logs: containers without a log", () => {
  it("is refused while the container is being created", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]), 0);
    expect(await kubectlLine(ws, "logs web")).toEqual(refused('Error from server (BadRequest): container "app" in pod "web" is waiting to start: ContainerCreating\n'));
  });

  it("is refused while the image cannot be pulled, then backs off", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run bad --image=busybox:nope");
    ws.advance(START_MS);
    const reason = () => jsonpath(ws, "pod bad", "{.status.containerStatuses[0].state.waiting.reason}");
    expect(await reason()).toBe("ErrImagePull");
    expect(await kubectlLine(ws, "logs bad")).toEqual(refused(`Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: image can't be pulled\n`));
    for (let s = 0; s < 60 && (await reason()) !== "ImagePullBackOff"; s++) ws.advance(1000);
    expect(await reason()).toBe("ImagePullBackOff");
    expect(await kubectlLine(ws, "logs bad")).toEqual(refused('Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: trying and failing to pull image\n'));
  });

  it("has no previous instance of a container that never restarted", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await kubectlLine(ws, "logs web --previous")).toEqual(refused('Error from server (BadRequest): previous terminated container "app" in pod "web" not found\n'));
  });

  it("is refused for a terminated container the runtime no longer knows", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    setPodStatus(ws, "web", (s) => ({ ...s, containerStatuses: [containerState("app", { terminated: { exitCode: 0, reason: "Completed" } })] }));
    expect(await kubectlLine(ws, "logs web")).toEqual(refused('Error from server (BadRequest): container "app" in pod "web" is terminated\n'));
  });

  it("is empty for a pod no node has taken yet", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"], [], { nodeSelector: { disk: "ssd" } }));
    expect(await kubectlLine(ws, "logs web")).toEqual(ok(""));
  });
});

describe("kubectl logs --previous", () => {
  it("reads the instance before the last restart, and in CrashLoopBackOff the last one that ran", async () => {
    const ws = await workspaceWith(scriptPod("crash", "date; sleep 2; exit 1"));
    const [restarts, running] = (await jsonpath(ws, "pod crash", "{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].state.running.startedAt}")).split(" ");
    expect(restarts).toBe("1");
    const previous = await jsonpath(ws, "pod crash", "{.status.containerStatuses[0].lastState.terminated.startedAt}");
    expect(await kubectlLine(ws, "logs crash")).toEqual(ok(busyboxDate(running) + "\n"));
    expect(await kubectlLine(ws, "logs crash -p")).toEqual(ok(busyboxDate(previous) + "\n"));
    ws.advance(3000);
    expect(await jsonpath(ws, "pod crash", "{.status.containerStatuses[0].state.waiting.reason}")).toBe("CrashLoopBackOff");
    expect(await kubectlLine(ws, "logs crash")).toEqual(ok(busyboxDate(running) + "\n"));
    expect(await kubectlLine(ws, "logs crash --previous")).toEqual(ok(busyboxDate(running) + "\n"));
  });
});

describe("kubectl logs: pods of workloads and selectors", () => {
  it("uses the first pod of a deployment and says how many there were", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "deployment", "web", "--image=busybox", "--replicas=3", "--", "sh", "-c", "echo I am $HOSTNAME; sleep 3600"]);
    ws.advance(START_MS);
    const r = await kubectlLine(ws, "logs deploy/web");
    const chosen = /^Found 3 pods, using pod\/(web-\w+-\w+)\n$/.exec(r.stderr)?.[1];
    expect(r).toEqual(ok(`I am ${chosen}\n`, `Found 3 pods, using pod/${chosen}\n`));
    const pods = (await jsonpath(ws, "pods", "{.items[*].metadata.name}")).split(" ");
    expect((await kubectlLine(ws, "logs deployment/web --all-pods")).stdout.split("\n").sort().slice(1)).toEqual(pods.map((p) => `[pod/${p}/busybox] I am ${p}`).sort());
  });

  it("reads a job's pod, found by the job's selector", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "job", "pi", "--image=busybox", "--", "sh", "-c", "echo 3.14159"]);
    ws.advance(START_MS);
    expect(await kubectlLine(ws, "logs job/pi")).toEqual(ok("3.14159\n"));
  });

  it("waits --pod-running-timeout for a workload's first pod", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create deployment web --image=nginx --replicas=0");
    const before = ws.now();
    expect(await kubectlLine(ws, "logs deploy/web --pod-running-timeout=5s")).toEqual(refused("error: timed out waiting for the condition\n"));
    expect(ws.now() - before).toBe(5000);
  });

  it.each([
    ["logs nope", 'Error from server (NotFound): pods "nope" not found\n'],
    ["logs deploy/nope", 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ["logs foo/bar", 'error: the server doesn\'t have a resource type "foo"\n'],
    ["logs cm/kube-root-ca.crt", "error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n"],
    ["logs svc/kubernetes -n default", "error: cannot get the logs from *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n"],
  ])("%s", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual(refused(stderr));
  });

  it("says when a selector matches nothing", async () => {
    expect(await kubectlLine(testWorkspace(), "logs -l app=nope")).toEqual(ok("", "No resources found in default namespace.\n"));
  });

  it("reads every pod a selector matches", async () => {
    const ws = testWorkspace();
    for (const n of ["a", "b"]) await createPod(ws, podManifest(n, ["app", "side"]).replace(`"app":"${n}"`, '"app":"x"'));
    ws.advance(START_MS);
    const defaulted = 'Defaulted container "app" out of: app, side\n';
    expect(await kubectlLine(ws, "logs -l app=x")).toEqual(ok("app says hello\napp says hello\n", defaulted + defaulted));
    expect(await kubectlLine(ws, "logs -l app=x --prefix -c side")).toEqual(ok("[pod/a/side] side says hello\n[pod/b/side] side says hello\n"));
  });

  it("shows the last 10 lines of each pod a selector matches unless --tail says otherwise", async () => {
    const ws = await workspaceWith(scriptPod("loop", DATE_LOOP), 20_000);
    const all = (await kubectlLine(ws, "logs loop")).stdout.split("\n").slice(0, -1);
    expect(all.length).toBeGreaterThan(10);
    expect(await kubectlLine(ws, "logs -l run=loop")).toEqual(ok(all.slice(-10).join("\n") + "\n"));
    expect(await kubectlLine(ws, "logs -l run=loop --tail=-1")).toEqual(ok(all.join("\n") + "\n"));
  });
});

describe("kubectl logs: usage and flags", () => {
  it.each([
    ["logs", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    ["logs a b c", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    ["logs web -l app=web", "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n"],
    ["logs web --since=1h --since-time=2026-01-27T09:00:00Z", "error: at most one of `sinceTime` or `sinceSeconds` may be specified\n"],
    ["logs web --since=-1h", "error: --since must be greater than 0\n"],
    ["logs web --tail=-2", "error: --tail must be greater than or equal to -1\n"],
    ["logs web --limit-bytes=-1", "error: --limit-bytes must be greater than 0\n"],
    ["logs web --since=yesterday", `error: invalid argument "yesterday" for "--since" flag: time: invalid duration "yesterday"\nSee 'kubectl logs --help' for usage.\n`],
    ["logs web --since-time=yesterday", `error: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"\n`],
    ["logs web --pod-running-timeout=0s", "error: --pod-running-timeout must be higher than zero\n"],
    // the object is fetched (Complete) before the flags are checked (Validate)
    ["logs nope --tail=-2", 'Error from server (NotFound): pods "nope" not found\n'],
  ])("%s", async (line, stderr) => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await kubectlLine(ws, line)).toEqual(refused(stderr));
  });
});

/** Runs a command line in the shell and presses Ctrl-C once stdout holds `lines` lines. */
async function untilLines(ws: Workspace, text: string, lines: number): Promise<Transcript> {
  const ctrlC = new AbortController();
  let stdout = "";
  let stderr = "";
  const status = await ws.run(text, {
    stdout: (s) => {
      stdout += s;
      if (stdout.split("\n").length > lines) ctrlC.abort();
    },
    stderr: (s) => (stderr += s),
  }, { signal: ctrlC.signal });
  return { stdout, stderr, status };
}

describe("kubectl logs -f", () => {
  it("returns at once, headless, from a server that has nothing more to say", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run web --image=nginx:1.27.4");
    ws.advance(START_MS);
    const before = ws.now();
    expect((await kubectlLine(ws, "logs -f web")).stdout).toBe((await kubectlLine(ws, "logs web")).stdout);
    expect(ws.now() - before).toBeLessThanOrEqual(1000);
  });

  it("follows a busybox loop as it prints, until Ctrl-C", async () => {
    const ws = await workspaceWith(scriptPod("loop", DATE_LOOP));
    const last = (await kubectlLine(ws, "logs loop --tail=1")).stdout;
    const before = ws.now();
    const r = await untilLines(ws, "kubectl logs -f loop --tail=1", 5);
    expect(r.status).toBe(130);
    const lines = r.stdout.split("\n").slice(0, 5);
    expect(lines[0] + "\n").toBe(last);
    expect(lines.map((l) => dateOf(l) - dateOf(lines[0]))).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(ws.now() - before).toBe(4000);
  });

  it("follows a container that finishes until it exits", async () => {
    const ws = await workspaceWith(scriptPod("count", "for i in 1 2 3; do echo $i; sleep 2; done", "Never"), 2000);
    const before = ws.now();
    expect(await kubectlLine(ws, "logs -f count")).toEqual(ok("1\n2\n3\n"));
    expect(ws.now() - before).toBeGreaterThanOrEqual(4000);
    expect(await jsonpath(ws, "pod count", "{.status.phase}")).toBe("Succeeded");
  });

  it("follows a terminating pod until its container stops", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run web --image=nginx:1.27.4");
    ws.advance(START_MS);
    const started = (await kubectlLine(ws, "logs web")).stdout;
    await kubectlLine(ws, "delete pod web --wait=false");
    const r = await kubectlLine(ws, "logs -f web");
    expect(r.stdout.startsWith(started)).toBe(true);
    // nginx's STOPSIGNAL is SIGQUIT: a graceful shutdown
    expect(r.stdout.slice(started.length)).toMatch(/^\S+ \S+ \[notice\] 1#1: signal 3 \(SIGQUIT\) received, shutting down\n(.*\n)*\S+ \S+ \[notice\] 1#1: exit\n$/);
  });

  it("refuses to follow more streams than --max-log-requests", async () => {
    const ws = await workspaceWith(podManifest("web", ["a", "b", "c"]));
    expect(await kubectlLine(ws, "logs -f web --all-containers --max-log-requests=2")).toEqual(
      refused("error: you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit\n"),
    );
  });
});
