import { describe, expect, it } from "vitest";
import { FakeRuntime } from "./testing/fake-runtime";
import { expectGolden } from "../../testing";
import { KubeletScenario } from "./testing/scenario";

describe("a pod bound to a node starts", () => {
  it("goes ContainerCreating → Running and Ready, with the kubelet's events (fidelity 6.1)", async () => {
    const s = new KubeletScenario(new FakeRuntime());
    await s.kubectl("run nginx --image=nginx:1.14.2");
    expect(await s.row("nginx")).toBe("nginx   0/1     ContainerCreating   0          0s");
    expect(await s.jsonpath("nginx", "{.status.conditions[0].type}={.status.conditions[0].status} {.status.startTime} {.status.hostIP} [{.status.podIP}]")).toBe(
      "PodReadyToStartContainers=False 2026-01-27T10:00:00Z 172.30.2.2 []",
    );
    s.advance(1000);
    expect(await s.jsonpath("nginx", "{.status.podIP} {.status.containerStatuses[0].state.waiting.reason}")).toBe("10.244.1.2 ContainerCreating");
    s.advance(2000);
    expect(await s.row("nginx")).toBe("nginx   1/1     Running   0          3s");
    await expectGolden("nginx-describe.golden", (await s.kubectl("describe pod nginx")).stdout);
    await expectGolden("nginx-yaml.golden", (await s.kubectl("get pod nginx -o yaml")).stdout);
  });

  it("says the image is already present when the policy lets it be reused", async () => {
    const runtime = new FakeRuntime();
    runtime.preload("node01", "nginx:1.14.2");
    const s = new KubeletScenario(runtime);
    await s.kubectl("run web --image=nginx:1.14.2");
    s.advance(1000);
    expect(await s.row("web")).toBe("web    1/1     Running   0          1s");
    expect(await s.events("web")).toContain('spec.containers{web}: Container image "nginx:1.14.2" already present on machine and can be accessed by the pod');
  });

  it("pulls an image with policy Always even when it is on the node", async () => {
    const runtime = new FakeRuntime();
    runtime.preload("node01", "nginx");
    const s = new KubeletScenario(runtime);
    await s.kubectl("run web --image=nginx");
    s.advance(2000);
    const events = await s.events("web");
    expect(events).toContain('Pulling image "nginx"');
    expect(events).toContain('Successfully pulled image "nginx" in 0s (0s including waiting). Image size: 72080558 bytes.');
  });

  it("refuses to pull under policy Never", async () => {
    const s = new KubeletScenario(new FakeRuntime());
    await s.kubectl("run web --image=nginx:1.14.2 --image-pull-policy=Never");
    s.advance(2000);
    expect(await s.row("web")).toBe("web    0/1     ErrImageNeverPull   0          2s");
    expect(await s.jsonpath("web", "{.status.containerStatuses[0].state.waiting.message}")).toBe('Container image "nginx:1.14.2" is not present with pull policy of Never');
    const events = await s.events("web");
    expect(events).toContain('Warning  ErrImageNeverPull  1s    kubelet            spec.containers{web}: Container image "nginx:1.14.2" is not present with pull policy of Never');
    expect(events).toContain("Warning  Failed             1s    kubelet            spec.containers{web}: Error: ErrImageNeverPull");
  });

  it("gives every pod of a node its own address from the node's podCIDR, and hostNetwork pods the node's", async () => {
    const s = new KubeletScenario(new FakeRuntime());
    for (const name of ["a", "b", "c"]) await s.kubectl(`run ${name} --image=nginx:1.14.2`);
    await s.apply(`apiVersion: v1
kind: Pod
metadata: {name: host}
spec:
  hostNetwork: true
  containers: [{name: c, image: "nginx:1.14.2"}]
`);
    s.advance(5000);
    const ips = await Promise.all(["a", "b", "c", "host"].map((p) => s.jsonpath(p, "{.status.podIP}")));
    expect(ips).toEqual(["10.244.1.2", "10.244.1.3", "10.244.1.4", "172.30.2.2"]);
    await s.kubectl("delete pod b");
    await s.kubectl("run d --image=nginx:1.14.2");
    s.advance(5000);
    expect(await s.jsonpath("d", "{.status.podIP}")).toBe("10.244.1.5");
  });
});
