import { describe, expect, it } from "vitest";
import { FakeRuntime } from "./testing/fake-runtime";
import { KubeletScenario } from "./testing/scenario";

function scenario(): { s: KubeletScenario; runtime: FakeRuntime } {
  const runtime = new FakeRuntime();
  runtime.preload("node01", "busybox:1.36");
  return { s: new KubeletScenario(runtime), runtime };
}

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data: {log_level: debug, mode: fast}
---
apiVersion: v1
kind: Secret
metadata: {name: db}
stringData: {password: s3cr3t}
`;

describe("the container environment (makeEnvironmentVariables)", () => {
  it("resolves values, ConfigMap and Secret keys, the downward API, envFrom and $(VAR), plus service links", async () => {
    const { s, runtime } = scenario();
    await s.apply(CONFIG);
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: app, labels: {tier: web}}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "echo $(GREETING) $(MISSING) $$(LEVEL)"]
    resources: {limits: {memory: 64Mi, cpu: 250m}}
    envFrom: [{configMapRef: {name: app-config}, prefix: CFG_}]
    env:
    - {name: LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: log_level}}}
    - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
    - {name: GREETING, value: "level=$(LEVEL) mode=$(CFG_mode)"}
    - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
    - {name: IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
    - {name: TIER, valueFrom: {fieldRef: {fieldPath: "metadata.labels['tier']"}}}
    - {name: MEM_MI, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
    - {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
    - {name: OPTIONAL, valueFrom: {configMapKeyRef: {name: nope, key: x, optional: true}}}
`);
    s.advance(2000);
    const config = runtime.configOf("app");
    expect(config?.env).toMatchObject({
      CFG_log_level: "debug",
      CFG_mode: "fast",
      LEVEL: "debug",
      PASSWORD: "s3cr3t",
      GREETING: "level=debug mode=fast",
      POD: "app",
      NODE: "node01",
      IP: "10.244.1.2",
      TIER: "web",
      MEM_MI: "64",
      CPU: "1",
      KUBERNETES_SERVICE_HOST: "10.96.0.1",
      KUBERNETES_SERVICE_PORT: "443",
      KUBERNETES_SERVICE_PORT_HTTPS: "443",
      KUBERNETES_PORT: "tcp://10.96.0.1:443",
      KUBERNETES_PORT_443_TCP: "tcp://10.96.0.1:443",
      KUBERNETES_PORT_443_TCP_PROTO: "tcp",
      KUBERNETES_PORT_443_TCP_PORT: "443",
      KUBERNETES_PORT_443_TCP_ADDR: "10.96.0.1",
    });
    expect(config?.env).not.toHaveProperty("OPTIONAL");
    expect(config?.command).toEqual(["sh", "-c", "echo level=debug mode=fast $(MISSING) $(LEVEL)"]);
    expect(config?.memoryLimit).toBe(64 * 1024 * 1024);
    expect(config?.cpuLimit).toBe(0.25);
  });

  it.each([
    ["a missing ConfigMap", "{configMapKeyRef: {name: app-config, key: log_level}}", 'configmap "app-config" not found'],
    ["a missing key", "{configMapKeyRef: {name: kube-root-ca.crt, key: log_level}}", "couldn't find key log_level in ConfigMap default/kube-root-ca.crt"],
    ["a missing Secret", "{secretKeyRef: {name: db, key: password}}", 'secret "db" not found'],
  ])("refuses to create the container on %s (CreateContainerConfigError)", async (_name, valueFrom, message) => {
    const { s } = scenario();
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: busybox:1.36
    env: [{name: V, valueFrom: ${valueFrom}}]
`);
    s.advance(2000);
    expect(await s.row("app")).toBe("app    0/1     CreateContainerConfigError   0          2s");
    expect(await s.jsonpath("app", "{.status.containerStatuses[0].state.waiting.message}")).toBe(message);
    expect(await s.events("app")).toContain(`Warning  Failed     1s    kubelet            spec.containers{app}: Error: ${message}`);
  });

  it("starts the container at the next retry once the ConfigMap exists", async () => {
    const { s } = scenario();
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - {name: app, image: "busybox:1.36", envFrom: [{configMapRef: {name: app-config}}]}
`);
    s.advance(5000);
    await s.apply(CONFIG);
    s.advance(5000);
    expect(await s.row("app")).toBe("app    0/1     CreateContainerConfigError   0          10s");
    s.advance(1000);
    expect(await s.row("app")).toBe("app    1/1     Running   0          11s");
  });
});

describe("volumes", () => {
  it("set up emptyDir, configMap, secret, downwardAPI and the projected token as runtime volumes", async () => {
    const { s, runtime } = scenario();
    await s.apply(CONFIG);
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: app, labels: {app: web, tier: front}}
spec:
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
    - {name: shared, mountPath: /data}
    - {name: cfg, mountPath: /etc/app, readOnly: true}
    - {name: creds, mountPath: /etc/creds}
    - {name: info, mountPath: /etc/podinfo}
  - name: sidekick
    image: busybox:1.36
    volumeMounts: [{name: shared, mountPath: /shared, subPath: out}]
  volumes:
  - {name: shared, emptyDir: {}}
  - {name: cfg, configMap: {name: app-config, items: [{key: log_level, path: level.conf}]}}
  - {name: creds, secret: {secretName: db, defaultMode: 256}}
  - {name: info, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}, {path: name, fieldRef: {fieldPath: metadata.name}}]}}
`);
    s.advance(2000);
    const uid = (s.pod("app")?.metadata as { uid: string }).uid;
    const volume = (name: string) => runtime.volumes.get(`${uid}/${name}`);
    expect(volume("shared")).toEqual({ kind: "empty" });
    expect(volume("cfg")).toEqual({ kind: "files", files: { "level.conf": "debug" }, mode: 0o644 });
    expect(volume("creds")).toEqual({ kind: "files", files: { password: "s3cr3t" }, mode: 0o400 });
    expect(volume("info")).toEqual({ kind: "files", files: { labels: 'app="web"\ntier="front"', name: "app" }, mode: 0o644 });
    const token = [...runtime.volumes].find(([k]) => k.startsWith(`${uid}/kube-api-access-`))?.[1];
    expect(token?.kind === "files" && Object.keys(token.files).sort()).toEqual(["ca.crt", "namespace", "token"]);
    expect(token?.kind === "files" && token.files.namespace).toBe("default");
    expect(token?.kind === "files" && token.files.token).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);
    expect(runtime.configOf("sidekick")?.mounts.find((m) => m.path === "/shared")).toEqual({ path: "/shared", volume: `${uid}/shared`, readOnly: false, subPath: "out" });
    expect(runtime.configOf("app")?.mounts.find((m) => m.path === "/data")?.volume).toBe(`${uid}/shared`);
    expect(await s.jsonpath("app", "{.status.containerStatuses[0].volumeMounts[1]}")).toBe('{"mountPath":"/etc/app","name":"cfg","readOnly":true,"recursiveReadOnly":"Disabled"}');
  });

  it("leave the pod ContainerCreating with FailedMount while a ConfigMap is missing, and mount it once it exists", async () => {
    const { s } = scenario();
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers: [{name: app, image: "busybox:1.36", volumeMounts: [{name: config, mountPath: /etc/app}]}]
  volumes: [{name: config, configMap: {name: app-config}}]
`);
    s.advance(60_000);
    expect(await s.row("app")).toBe("app    0/1     ContainerCreating   0          60s");
    expect(await s.jsonpath("app", "{.status.conditions[0].type}={.status.conditions[0].status} [{.status.podIP}]")).toBe("PodReadyToStartContainers=False []");
    // retried 0.5 s, 1 s, 2 s … apart: at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s (the next at 63.5 s)
    expect(await s.events("app")).toContain('Warning  FailedMount  29s (x7 over 60s)  kubelet            MountVolume.SetUp failed for volume "config" : configmap "app-config" not found');
    await s.apply(CONFIG);
    s.advance(4000);
    expect(await s.row("app")).toBe("app    0/1     ContainerCreating   0          64s");
    s.advance(1000);
    expect(await s.row("app")).toBe("app    1/1     Running   0          65s");
  });
});
