import { beforeAll, describe, expect, it } from "vitest";
import { shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";
import { parseCheck, type Check } from "./check";
import { grade } from "./grade";

const SETUP = `kubectl create namespace shop
kubectl run web --image=nginx:1.27 -n shop --labels=app=web,tier=front
kubectl run crash --image=busybox:1.36 -- sh -c 'exit 1'
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  volumes:
  - name: logs
    emptyDir: {}
  - name: other
    emptyDir: {}
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "while true; do echo tick >> /var/log/app.log; sleep 5; done"]
    volumeMounts: [{name: logs, mountPath: /var/log}]
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {cpu: 100m, memory: 64Mi}
  - name: shipper
    image: busybox:1.36
    command: ["sh", "-c", "tail -F /var/log/app.log"]
    volumeMounts: [{name: logs, mountPath: /var/log}]
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {cpu: 100m, memory: 64Mi}
  - name: loner
    image: busybox:1.36
    command: ["sleep", "1d"]
    volumeMounts: [{name: other, mountPath: /data}]
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {cpu: 100m, memory: 64Mi}
EOF
kubectl run picky --image=nginx:1.27 --overrides='{"spec":{"nodeSelector":{"disktype":"ssd"}}}'
kubectl run web --image=nginx:1.27 --dry-run=client -o yaml > /root/pod.yaml
sleep 60`;

let ws: Workspace;
beforeAll(async () => {
  ws = testWorkspace();
  const r = await shell(ws, SETUP);
  expect(r.stderr).toBe("");
});

function check(raw: Record<string, unknown>): Check {
  const parsed = parseCheck({ message: "m", ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

const anyText = (re: RegExp) => expect.stringMatching(re) as unknown as string;

describe("grade: each subject", () => {
  const cases: { name: string; check: Record<string, unknown>; passed: boolean; detail: string }[] = [
    { name: "exists", check: { exists: { kind: "pod", name: "web", namespace: "shop" } }, passed: true, detail: 'pod "web" in namespace "shop" exists' },
    { name: "exists: wrong namespace", check: { exists: { kind: "po", name: "web" } }, passed: false, detail: 'pod "web" in namespace "default" not found' },
    { name: "exists: cluster-scoped", check: { exists: { kind: "node", name: "node01" } }, passed: true, detail: 'node "node01" exists' },
    { name: "exists: unknown kind", check: { exists: { kind: "gizmo", name: "x" } }, passed: false, detail: 'unknown kind "gizmo"' },
    { name: "absent", check: { absent: { kind: "pod", name: "nope" } }, passed: true, detail: 'pod "nope" in namespace "default" not found' },
    { name: "absent: still there", check: { absent: { kind: "pod", name: "crash" } }, passed: false, detail: 'pod "crash" in namespace "default" still exists' },
    { name: "jsonpath equals", check: { jsonpath: { kind: "pod", name: "web", namespace: "shop", path: "{.spec.containers[0].image}" }, equals: "nginx:1.27" }, passed: true, detail: '{.spec.containers[0].image} "nginx:1.27"' },
    { name: "jsonpath: the learner's wording of a mismatch", check: { jsonpath: { kind: "pod", name: "web", namespace: "shop", path: "{.spec.containers[0].image}" }, equals: "nginx:1.25" }, passed: false, detail: 'expected {.spec.containers[0].image} "nginx:1.25", found "nginx:1.27"' },
    { name: "jsonpath: an empty map prints as kubectl prints it", check: { jsonpath: { kind: "pod", name: "duo", path: "{.spec.volumes[0].emptyDir}" }, equals: "{}" }, passed: true, detail: '{.spec.volumes[0].emptyDir} "{}"' },
    { name: "jsonpath matches", check: { jsonpath: { kind: "pod", name: "web", namespace: "shop", path: "{.metadata.labels}" }, matches: '"tier":"front"' }, passed: true, detail: '{.metadata.labels} "{\\"app\\":\\"web\\",\\"tier\\":\\"front\\"}"' },
    { name: "jsonpath: a missing field is empty", check: { jsonpath: { kind: "pod", name: "web", namespace: "shop", path: "{.spec.nodeSelector}" } }, passed: false, detail: "expected a {.spec.nodeSelector}, found none" },
    { name: "jsonpath: invalid template", check: { jsonpath: { kind: "pod", name: "web", namespace: "shop", path: "{.spec.containers[" }, equals: "x" }, passed: false, detail: anyText(/^error: error parsing jsonpath \{\.spec\.containers\[, /) },
    { name: "count with selector", check: { count: { kind: "pods", namespace: "shop", selector: "app=web" }, equals: 1 }, passed: true, detail: 'number of pods "1"' },
    { name: "count: too few", check: { count: { kind: "pods", selector: "app" }, atLeast: 2 }, passed: false, detail: 'expected number of pods at least 2, found "0"' },
    { name: "pod phase and ready", check: { pod: { name: "web", namespace: "shop" }, expect: { phase: "Running", ready: true } }, passed: true, detail: 'pod "web" in namespace "shop": Running, 1/1 ready' },
    { name: "pod status column", check: { pod: { name: "crash" }, expect: { status: "CrashLoopBackOff", restartsAtLeast: 2 } }, passed: true, detail: 'pod "crash" in namespace "default": CrashLoopBackOff, 0/1 ready' },
    { name: "pod: several expectations fail together", check: { pod: { name: "crash" }, expect: { phase: "Succeeded", containers: 2 } }, passed: false, detail: 'phase: expected "Succeeded", found "Running"; containers: expected 2, found 1' },
    { name: "pod container names in any order", check: { pod: { name: "duo" }, expect: { containerNames: ["shipper", "loner", "app"], qosClass: "Guaranteed" } }, passed: true, detail: 'pod "duo" in namespace "default": Running, 3/3 ready' },
    { name: "pod node labels", check: { pod: { name: "web", namespace: "shop" }, expect: { nodeLabels: { "kubernetes.io/os": "linux" } } }, passed: true, detail: 'pod "web" in namespace "shop": Running, 1/1 ready' },
    { name: "pod not scheduled", check: { pod: { name: "picky" }, expect: { nodeLabels: { disktype: "ssd" } } }, passed: false, detail: "node: the pod is not scheduled" },
    { name: "shared volume", check: { sharedVolume: { pod: "duo", containers: ["app", "shipper"], type: "emptyDir" } }, passed: true, detail: 'volume "logs" is mounted by app and shipper' },
    { name: "shared volume: not shared", check: { sharedVolume: { pod: "duo", containers: ["app", "loner"] } }, passed: false, detail: "no volume is mounted by all of app, loner" },
    { name: "shared volume: no such container", check: { sharedVolume: { pod: "duo", containers: ["app", "ghost"] } }, passed: false, detail: 'no container named "ghost" in pod "duo" in namespace "default"' },
    { name: "event", check: { event: { kind: "Pod", name: "picky", reason: "FailedScheduling", message: "didn't match Pod's node affinity/selector" } }, passed: true, detail: anyText(/^FailedScheduling event for Pod "picky": "0\/3 nodes are available: /) },
    { name: "event: none of that reason", check: { event: { kind: "Pod", name: "web", namespace: "shop", reason: "BackOff" } }, passed: false, detail: 'no BackOff event for Pod "web"; found Scheduled, Pulling, Pulled, Created, Started' },
    { name: "command output", check: { command: "kubectl logs duo -c shipper --tail=1", stdout: { equals: "tick" } }, passed: true, detail: 'output "tick\\n"' },
    { name: "command: failing command", check: { command: "kubectl logs nope" }, passed: false, detail: '`kubectl logs nope` failed: Error from server (NotFound): pods "nope" not found' },
    { name: "command: exit code", check: { command: "kubectl exec duo -c app -- cat /nope", exitCode: 1 }, passed: true, detail: "exit status 1" },
    { name: "file contains", check: { file: { path: "/root/pod.yaml" }, contains: "kind: Pod" }, passed: true, detail: anyText(/^\/root\/pod.yaml "apiVersion: v1\\nkind: Pod/) },
    { name: "file jsonpath", check: { file: { path: "/root/pod.yaml", jsonpath: "{.spec.containers[0].image}" }, equals: "nginx:1.27" }, passed: true, detail: '{.spec.containers[0].image} in /root/pod.yaml "nginx:1.27"' },
    { name: "file missing", check: { file: { path: "/root/none.yaml" }, contains: "x" }, passed: false, detail: "/root/none.yaml not found on controlplane" },
    { name: "file on another host", check: { file: { path: "/root/pod.yaml", host: "node01" } }, passed: false, detail: "/root/pod.yaml not found on node01" },
    {
      name: "anyOf: one way suffices",
      check: { anyOf: [{ exists: { kind: "pod", name: "nope" }, message: "a" }, { exists: { kind: "pod", name: "crash" }, message: "b" }] },
      passed: true,
      detail: 'pod "crash" in namespace "default" exists',
    },
    {
      name: "allOf: says what failed",
      check: { allOf: [{ exists: { kind: "pod", name: "crash" }, message: "a" }, { absent: { kind: "pod", name: "crash" }, message: "b" }] },
      passed: false,
      detail: 'pod "crash" in namespace "default" still exists',
    },
  ];
  it.each(cases)("$name", async ({ check: raw, passed, detail }) => {
    const r = await grade(ws, [check(raw)]);
    expect(r.checks[0]).toMatchObject({ passed, detail, message: "m" });
  });
});

describe("grade: the report", () => {
  it("scores the weighted share of passed checks", async () => {
    const r = await grade(ws, [check({ exists: { kind: "pod", name: "crash" }, weight: 3 }), check({ exists: { kind: "pod", name: "nope" } })]);
    expect(r.passed).toBe(false);
    expect(r.score).toBe(0.75);
  });

  it("changes nothing in the workspace, even a command check that deletes", async () => {
    const before = JSON.stringify(ws.snapshot());
    await grade(ws, [check({ command: "kubectl delete pod web -n shop" }), check({ command: "echo x > /root/pod.yaml" })]);
    expect(JSON.stringify(ws.snapshot())).toBe(before);
  });
});

describe("parseCheck", () => {
  const cases: { name: string; raw: unknown; problems: { path: string; message: string }[] }[] = [
    { name: "no subject", raw: { message: "m" }, problems: [{ path: "check", message: "a check needs one of: exists, absent, jsonpath, count, pod, sharedVolume, event, command, file, allOf, anyOf" }] },
    { name: "two subjects", raw: { message: "m", exists: { kind: "pod", name: "a" }, absent: { kind: "pod", name: "a" } }, problems: [{ path: "check", message: "a check has one subject, found exists and absent" }] },
    { name: "no message", raw: { exists: { kind: "pod", name: "a" } }, problems: [{ path: "check.message", message: "Invalid input: expected string, received undefined" }] },
    { name: "a misspelt expectation", raw: { message: "m", pod: { name: "a" }, expect: { phase: "running" } }, problems: [{ path: "check.expect.phase", message: 'Invalid option: expected one of "Pending"|"Running"|"Succeeded"|"Failed"|"Unknown"' }] },
    { name: "an unknown key", raw: { message: "m", exists: { kind: "pod", name: "a" }, equal: 1 }, problems: [{ path: "check", message: 'Unrecognized key: "equal"' }] },
    { name: "inside a group", raw: { message: "m", allOf: [{ message: "x", exists: { kind: "pod" } }] }, problems: [{ path: "check.allOf[0].exists.name", message: "Invalid input: expected string, received undefined" }] },
  ];
  it.each(cases)("$name", ({ raw, problems }) => {
    const r = parseCheck(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual(problems);
  });
});
