/**
 * The resource quota controller through the learner's shell: status.hard follows the
 * spec, status.used is recounted, and finished or deleted pods give their share back
 * (QuotaV1Pod), while count/pods keeps counting every pod that is stored.
 */
import { describe, expect, it } from "vitest";
import { shell, testWorkspace } from "../testing";

const status = async (ws: ReturnType<typeof testWorkspace>) => JSON.parse((await shell(ws, "kubectl get quota q -o jsonpath='{.status}'")).stdout);

describe("resource quota controller", () => {
  it("fills status.hard and a zero status.used for every limited resource", async () => {
    const ws = testWorkspace();
    await shell(ws, "kubectl create quota q --hard=pods=4,requests.cpu=2,count/pods=4,secrets=3,persistentvolumeclaims=1");
    expect(await status(ws)).toEqual({
      hard: { "count/pods": "4", persistentvolumeclaims: "1", pods: "4", "requests.cpu": "2", secrets: "3" },
      // the default namespace holds no secrets; a kind the simulator does not serve reads zero
      used: { "count/pods": "0", persistentvolumeclaims: "0", pods: "0", "requests.cpu": "0", secrets: "0" },
    });
  });

  it("gives back what finished and deleted pods used", async () => {
    const ws = testWorkspace();
    await shell(ws, "kubectl create quota q --hard=pods=4,requests.cpu=2,count/pods=4");
    await shell(ws, `kubectl run done --image=busybox --restart=Never --overrides='{"spec":{"containers":[{"name":"done","image":"busybox","command":["true"],"resources":{"requests":{"cpu":"500m"}}}]}}'`);
    await shell(ws, `kubectl run web --image=nginx --overrides='{"spec":{"containers":[{"name":"web","image":"nginx","resources":{"requests":{"cpu":"1"}}}]}}'`);
    expect((await status(ws)).used).toEqual({ "count/pods": "2", pods: "2", "requests.cpu": "1500m" });
    await shell(ws, "sleep 20");
    expect((await shell(ws, "kubectl get pod done -o jsonpath='{.status.phase}'")).stdout).toBe("Succeeded");
    expect((await status(ws)).used).toEqual({ "count/pods": "2", pods: "1", "requests.cpu": "1" });
    await shell(ws, "kubectl delete pod web done --now");
    expect((await status(ws)).used).toEqual({ "count/pods": "0", pods: "0", "requests.cpu": "0" });
  });

  it("follows a change of spec.hard", async () => {
    const ws = testWorkspace();
    await shell(ws, "kubectl create quota q --hard=pods=4");
    await shell(ws, `kubectl patch quota q --type=merge -p '{"spec":{"hard":{"pods":"10","services":"2"}}}'`);
    expect(await status(ws)).toEqual({ hard: { pods: "10", services: "2" }, used: { pods: "0", services: "1" } });
  });
});
