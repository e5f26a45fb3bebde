import { describe, expect, it } from "vitest";
import { FakeRuntime } from "./testing/fake-runtime";
import { expectGolden } from "./testing/golden";
import { KubeletScenario } from "./testing/scenario";

describe("a pull that fails (fidelity 3.7, 6.3)", () => {
  it("alternates ErrImagePull and ImagePullBackOff while the pull back-off doubles from 10 s", async () => {
    const s = new KubeletScenario(new FakeRuntime());
    await s.kubectl("run web --image=nginx:bad");
    // each pull fails 1 s after it starts; the pod worker looks again 10 s after a failure and pulls only once the
    // back-off (10, 20, 40, 80, 160 s since the last failure) is over: pulls at 1, 12, 33, 74, 155 s
    expectGolden("image-pull-timeline.golden", await s.timeline("web", [1, 2, 12, 13, 23, 34, 44, 74, 75, 85, 156]));
    s.advance(4000);
    expectGolden("image-pull-events.golden", await s.events("web"));
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
