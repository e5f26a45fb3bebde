/**
 * The kubelet's scenarios of issue #3 (1–6 and 9), through kubectl, against the simulated
 * container runtime. Timelines are `kubectl get pod` rows at the given seconds.
 */
import { describe, expect, it } from "vitest";
import { SimulatedRuntime } from "../../runtime/simulated-runtime";
import { shell, testWorkspace } from "../../testing";
import { expectGolden } from "../../testing";
import { KubeletScenario } from "./testing/scenario";

/** A cluster whose node01 already holds `images`, so timelines do not depend on pull times. */
function cluster(images: readonly string[] = []): { s: KubeletScenario } {
  const runtime = new SimulatedRuntime();
  for (const image of images) runtime.pull("node01", image);
  return { s: new KubeletScenario(runtime) };
}

describe("issue #3 scenarios (kubelet)", () => {
  it("1: nginx:1.14.2 is Running and Ready within seconds, with Scheduled, Pulling, Pulled, Created, Started", async () => {
    const { s } = cluster();
    await s.kubectl("run nginx --image=nginx:1.14.2");
    expect(await s.row("nginx")).toBe("nginx   0/1     ContainerCreating   0          0s");
    s.advance(3000);
    expect(await s.row("nginx")).toBe("nginx   1/1     Running   0          3s");
    const events = await s.events("nginx");
    const reasons = events.split("\n").flatMap((l) => l.trim().split(/\s+/).slice(1, 2));
    expect(reasons).toEqual(["Reason", "------", "Scheduled", "Pulling", "Pulled", "Created", "Started"]);
    expect(events).toMatch(/spec\.containers\{nginx\}: Successfully pulled image "nginx:1\.14\.2" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: \d+ bytes\.\n/);
    expect(await s.jsonpath("nginx", "{.status.containerStatuses[0].image} {.status.containerStatuses[0].imageID}")).toMatch(/^docker\.io\/library\/nginx:1\.14\.2 docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it("2: the liveness-HTTP pod restarts after its checks fail, then CrashLoopBackOff with RESTARTS on the real schedule", async () => {
    const { s } = cluster(["registry.k8s.io/e2e-test-images/agnhost:2.40"]);
    await s.apply(`apiVersion: v1
kind: Pod
metadata:
  labels: {test: liveness}
  name: liveness
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: [liveness]
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders: [{name: Custom-Header, value: Awesome}]
      initialDelaySeconds: 3
      periodSeconds: 3
`);
    // starts at 1 s; probes at 4, 7, 10 pass and 13, 16, 19 fail → Killing at 19; the server exits on SIGTERM a moment
    // later and is restarted a second after; killed again at 38 → back-off 10 s; at 66 → 20 s; at 104 → 40 s
    await expectGolden("liveness-http-issue-timeline.golden", await s.timeline("liveness", [18, 19, 20, 37, 38, 39, 47, 48, 66, 67, 85, 86, 104, 105, 143, 145]));
    expect(await s.events("liveness")).toContain("spec.containers{liveness}: Liveness probe failed: HTTP probe failed with statuscode: 500\n");
  });

  it("3: the exec-liveness pod is killed once `cat /tmp/healthy` has failed 3 times, and restarted after the 30 s grace", async () => {
    const { s } = cluster(["registry.k8s.io/busybox:1.27.2"]);
    await s.apply(`apiVersion: v1
kind: Pod
metadata:
  labels: {test: liveness}
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 5
      periodSeconds: 5
`);
    // starts at 1 s; the file goes at 31 s; probes fail at 31, 36, 41 → Killing at 41; sh ignores SIGTERM → SIGKILL at 71
    await expectGolden("liveness-exec-timeline.golden", await s.timeline("liveness-exec", [30, 41, 70, 71, 72]));
    const events = await s.events("liveness-exec");
    expect(events).toContain("Warning  Unhealthy  31s (x3 over 41s)  kubelet            spec.containers{liveness}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(events).toContain("Normal   Killing    31s                kubelet            spec.containers{liveness}: Container liveness failed liveness probe, will be restarted\n");
    expect(await s.jsonpath("liveness-exec", "{.status.containerStatuses[0].lastState.terminated.exitCode}")).toBe("137");
  });

  it("4: a stress container over its memory limit is OOMKilled, then CrashLoopBackOff", async () => {
    const { s } = cluster();
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: memory-demo-2}
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources: {requests: {memory: 50Mi}, limits: {memory: 100Mi}}
    command: [stress]
    args: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]
`);
    // polinux/stress has no tag, so it is pulled (457 ms) before every start; it passes 100Mi about 0.1 s after starting
    await expectGolden("oom-timeline.golden", await s.timeline("memory-demo-2", [1, 2, 3.5, 5, 13.5, 14, 15, 34.5, 36]));
    expect(await s.jsonpath("memory-demo-2", "{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}")).toBe("OOMKilled 137");
  });

  it("5: two init containers show Init:0/2, Init:1/2, PodInitializing, Running, and their logs are readable with -c", async () => {
    const { s } = cluster();
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: myapp-pod, labels: {app.kubernetes.io/name: MyApp}}
spec:
  containers:
  - {name: myapp-container, image: "busybox:1.28", command: [sh, -c, "echo The app is running! && sleep 3600"]}
  initContainers:
  - {name: init-myservice, image: "busybox:1.28", command: [sh, -c, "echo waiting for myservice; sleep 2; echo myservice is up"]}
  - {name: init-mydb, image: "busybox:1.28", command: [sh, -c, "echo waiting for mydb; sleep 3; echo mydb is up"]}
`);
    // busybox:1.28 pulls once (~0.4 s); init-myservice runs 1.4–3.4 s, init-mydb 4.4–7.4 s, the app from 8.4 s
    await expectGolden("init-issue-timeline.golden", await s.timeline("myapp-pod", [1, 2, 4, 5, 8, 9]));
    expect(await s.kubectl("logs myapp-pod -c init-myservice")).toEqual({ stdout: "waiting for myservice\nmyservice is up\n", stderr: "", status: 0 });
    expect((await s.kubectl("logs myapp-pod -c init-mydb")).stdout).toBe("waiting for mydb\nmydb is up\n");
    expect((await s.kubectl("logs myapp-pod -c myapp-container")).stdout).toBe("The app is running!\n");
  });

  it("6: a sidecar writes into a shared emptyDir and the main container reads it", async () => {
    const { s } = cluster(["busybox:1.36"]);
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: writer
    image: busybox:1.36
    restartPolicy: Always
    command: [sh, -c, "i=0; while true; do i=$((i+1)); echo line $i >> /shared/log.txt; sleep 1; done"]
    volumeMounts: [{name: shared, mountPath: /shared}]
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "sleep 3; cat /data/log.txt; sleep 3600"]
    volumeMounts: [{name: shared, mountPath: /data}]
  volumes: [{name: shared, emptyDir: {}}]
`);
    s.advance(10_000);
    expect(await s.row("web")).toBe("web    2/2     Running   0          10s");
    // both start at 1 s: the writer adds a line at 1, 2, 3, 4 s …; the app reads at 4 s, after that second's line
    expect((await s.kubectl("logs web -c app")).stdout).toBe("line 1\nline 2\nline 3\nline 4\n");
    expect((await s.kubectl("exec web -c app -- head -n 3 /data/log.txt")).stdout).toBe("line 1\nline 2\nline 3\n");
  });

  it("9: a static pod written into node01's /etc/kubernetes/manifests appears as <name>-node01", async () => {
    const { s } = cluster();
    s.hosts.get("node01")?.writeFile(
      "/etc/kubernetes/manifests/static-web.yaml",
      `apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels: {role: myrole}
spec:
  containers:
  - name: web
    image: nginx
    ports: [{name: web, containerPort: 80, protocol: TCP}]
`,
    );
    s.advance(5000);
    expect((await s.kubectl("get pods")).stdout).toBe("NAME                READY   STATUS    RESTARTS   AGE\nstatic-web-node01   1/1     Running   0          5s\n");
  });

  it("9, in the learner's terminal: written over `ssh node01`, it appears as static-web-node01", async () => {
    const ws = testWorkspace();
    const r = await shell(
      ws,
      `ssh node01
cat > /etc/kubernetes/manifests/static-web.yaml <<'MANIFEST'
apiVersion: v1
kind: Pod
metadata:
  name: static-web
spec:
  containers:
  - name: web
    image: nginx:1.27
MANIFEST
exit
sleep 5
kubectl get pod static-web-node01 -o jsonpath='{.status.phase} {.metadata.annotations.kubernetes\\.io/config\\.source}'`,
    );
    expect(r.stdout).toMatch(/^Running file$/m);
    expect(r.stderr).toBe("logout\nConnection to node01 closed.\n");
  });
});
