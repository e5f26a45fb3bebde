import { afterEach, describe, expect, it, vi } from "vitest";
import { deploymentController } from "./controllers/deployment/deployment-controller";
import { kubelet } from "./controllers/kubelet/kubelet";
import { systemdController } from "./systemd/systemd-controller";
import { shell, testWorkspace } from "./testing";

describe("which controllers a change wakes", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a file written on a host runs again the controllers that read node files, and no other", async () => {
    const ws = testWorkspace();
    await shell(ws, "kubectl create deployment web --image=nginx:1.27 && sleep 30");
    const deployments = vi.spyOn(deploymentController, "reconcile");
    const kubelets = vi.spyOn(kubelet, "reconcile");
    const units = vi.spyOn(systemdController, "reconcile");

    await shell(ws, "echo hello > /root/note.txt");
    ws.advance(1000);

    expect(deployments).not.toHaveBeenCalled();
    expect(kubelets).toHaveBeenCalled();
    expect(units).toHaveBeenCalled();
  });

  it("a change in the store runs them all", async () => {
    const ws = testWorkspace();
    await shell(ws, "kubectl create deployment web --image=nginx:1.27 && sleep 30");
    const deployments = vi.spyOn(deploymentController, "reconcile");

    await shell(ws, "kubectl scale deployment web --replicas=2");
    ws.advance(1000);

    expect(deployments).toHaveBeenCalled();
  });
});
