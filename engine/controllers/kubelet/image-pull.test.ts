import { describe, expect, it } from "vitest";
import { FakeRuntime } from "./testing/fake-runtime";
import { expectGolden } from "../../testing";
import { KubeletScenario } from "./testing/scenario";
import { shell, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

describe("a pull that fails (fidelity 3.7, 6.3)", () => {
  it("alternates ErrImagePull and ImagePullBackOff while the pull back-off doubles from 10 s", async () => {
    const s = new KubeletScenario(new FakeRuntime());
    await s.kubectl("run web --image=nginx:bad");
    // each pull fails 1 s after it starts; the pod worker looks again 10 s after a failure and pulls only once the
    // back-off (10, 20, 40, 80, 160 s since the last failure) is over: pulls at 1, 12, 33, 74, 155 s
    await expectGolden("image-pull-timeline.golden", await s.timeline("web", [1, 2, 12, 13, 23, 34, 44, 74, 75, 85, 156]));
    s.advance(4000);
    await expectGolden("image-pull-events.golden", await s.events("web"));
  });

  it("says why in the waiting message, with the pull's own error once it backs off", async () => {
    const s = new KubeletScenario(new FakeRuntime());
    await s.kubectl("run web --image=nginx:bad");
    const error = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:bad": failed to resolve reference "docker.io/library/nginx:bad": docker.io/library/nginx:bad: not found';
    s.advance(2000);
    expect(await s.jsonpath("web", "{.status.containerStatuses[0].state.waiting.message}")).toBe(error);
    s.advance(21_000);
    expect(await s.jsonpath("web", "{.status.containerStatuses[0].state.waiting.message}")).toBe(`Back-off pulling image "nginx:bad": ErrImagePull: ${error}`);
  });

  it("starts the container once the image can be pulled", async () => {
    const s = new KubeletScenario(new FakeRuntime());
    await s.kubectl("run web --image=nginx:bad");
    s.advance(25_000);
    await s.kubectl("set image pod/web web=nginx:1.27");
    // a new image has no back-off: pulled at once (1.234 s)
    s.advance(1000);
    expect(await s.row("web")).toBe("web    0/1     ImagePullBackOff   0          26s");
    s.advance(1000);
    expect(await s.row("web")).toBe("web    1/1     Running   0          27s");
  });
});

describe("serialized image pulls (serializeImagePulls: true)", () => {
  const pulled = async (ws: Workspace, pod: string) =>
    (await shell(ws, `kubectl get events --field-selector involvedObject.name=${pod},reason=Pulled -o custom-columns=CONTAINER:.involvedObject.fieldPath,MESSAGE:.message --no-headers`)).stdout;
  const pinned = (name: string, images: string[]) =>
    `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: node02\n  containers:\n${images.map((image, i) => `  - name: c${i}\n    image: ${image}\n`).join("")}EOF`;

  it("pulls a pod's images one after the other, each container created before the next image is asked for", async () => {
    const ws = testWorkspace();
    await shell(ws, `${pinned("two", ["nginx", "redis"])}\nsleep 30`);
    // nginx takes 2.157 s; redis is asked for once c0 is created, and takes 1.497 s
    expect(await pulled(ws, "two")).toBe(
      'spec.containers{c0}   Successfully pulled image "nginx" in 2.157s (2.157s including waiting). Image size: 72286343 bytes.\n' +
        'spec.containers{c1}   Successfully pulled image "redis" in 1.497s (1.497s including waiting). Image size: 45886343 bytes.\n',
    );
    expect((await shell(ws, "kubectl get pod two -o jsonpath='{.status.containerStatuses[*].state.running.startedAt}'")).stdout).toBe("2026-01-27T10:00:03Z 2026-01-27T10:00:04Z");
  });

  it("makes one pod's pull wait for another pod's on the same node, and says how long it waited", async () => {
    const ws = testWorkspace();
    await shell(ws, `${pinned("first", ["nginx"])}\n${pinned("second", ["httpd"])}\nsleep 30`);
    expect(await pulled(ws, "second")).toBe('spec.containers{c0}   Successfully pulled image "httpd" in 1.812s (3.969s including waiting). Image size: 58486343 bytes.\n');
    expect((await shell(ws, "kubectl get pod second -o jsonpath='{.status.containerStatuses[0].state.running.startedAt}'")).stdout).toBe("2026-01-27T10:00:04Z");
  });

  it("lets a pull queued behind a pull of the same image find its layers there", async () => {
    const ws = testWorkspace();
    await shell(ws, `${pinned("first", ["nginx"])}\n${pinned("second", ["nginx"])}\nsleep 30`);
    expect(await pulled(ws, "second")).toBe('spec.containers{c0}   Successfully pulled image "nginx" in 350ms (2.507s including waiting). Image size: 72286343 bytes.\n');
  });
});
