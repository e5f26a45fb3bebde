import { describe, expect, it } from "vitest";
import { shell, testWorkspace } from "../testing";
import type { Workspace } from "../workspace";

async function out(ws: Workspace, line: string): Promise<string> {
  const r = await shell(ws, line);
  expect(r.stderr).toBe("");
  return r.stdout;
}

const taints = (ws: Workspace, node: string) => out(ws, `kubectl get node ${node} -o jsonpath='{.spec.taints}'`);
const deleting = (ws: Workspace, pod: string) => out(ws, `kubectl get pod ${pod} -o jsonpath='{.metadata.deletionTimestamp}'`);

describe("the cordon taint", () => {
  it("follows spec.unschedulable, dated when it is added, after the node's other taints", async () => {
    const ws = testWorkspace();
    await out(ws, "kubectl cordon controlplane");
    expect(await taints(ws, "controlplane")).toBe(
      '[{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"},{"effect":"NoSchedule","key":"node.kubernetes.io/unschedulable","timeAdded":"2026-01-27T10:00:00Z"}]',
    );
    expect(await out(ws, "kubectl describe node controlplane | grep -A1 Taints")).toBe("Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n                    node.kubernetes.io/unschedulable:NoSchedule\n");
    await out(ws, "kubectl uncordon controlplane");
    expect(await taints(ws, "controlplane")).toBe('[{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]');
  });

  it("leaves a node that had no taints without the field", async () => {
    const ws = testWorkspace();
    await out(ws, "kubectl cordon node01; kubectl uncordon node01");
    expect(await out(ws, "kubectl get node node01 -o jsonpath='{.spec}'")).toBe('{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"]}');
  });
});

describe("NoExecute taints", () => {
  const tolerating = (name: string, seconds: string) =>
    `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: node01\n  tolerations:\n  - key: maintenance\n    operator: Exists\n    effect: NoExecute\n${seconds ? `    tolerationSeconds: ${seconds}\n` : ""}  containers:\n  - name: app\n    image: nginx\nEOF`;

  it("evicts a pod that does not tolerate the taint at once, with the taint manager's event and condition", async () => {
    const ws = testWorkspace();
    await out(ws, "kubectl run plain --image=nginx --overrides='{\"spec\":{\"nodeName\":\"node01\"}}'; sleep 5");
    await out(ws, "kubectl taint node node01 maintenance=now:NoExecute");
    expect(await out(ws, "kubectl get events --field-selector involvedObject.name=plain,reason=TaintManagerEviction -o custom-columns=TYPE:.type,FROM:.source.component,MESSAGE:.message")).toBe(
      "TYPE     FROM                        MESSAGE\nNormal   taint-eviction-controller   Marking for deletion Pod default/plain\n",
    );
    const disruption = `{.status.conditions[?(@.type=="DisruptionTarget")]}`;
    expect(await out(ws, `kubectl get pod plain -o jsonpath='${disruption.replace("}", ".reason}")}: ${disruption.replace("}", ".message}")}'`)).toBe(
      "DeletionByTaintManager: Taint manager: deleting due to NoExecute taint",
    );
    expect(await deleting(ws, "plain")).toBe("2026-01-27T10:00:35Z");
    // Nothing waits on the taint, so it stays as kubectl wrote it.
    expect(await taints(ws, "node01")).toBe('[{"effect":"NoExecute","key":"maintenance","value":"now"}]');
  });

  it("evicts a pod that tolerates the taint for a while once its tolerationSeconds are up, and never one that tolerates it for good", async () => {
    const ws = testWorkspace();
    await out(ws, `${tolerating("patient", "60")}\n${tolerating("forever", "")}\nsleep 5`);
    await out(ws, "kubectl taint node node01 maintenance=now:NoExecute");
    expect(await taints(ws, "node01")).toBe('[{"effect":"NoExecute","key":"maintenance","timeAdded":"2026-01-27T10:00:05Z","value":"now"}]');
    await shell(ws, "sleep 59");
    expect(await deleting(ws, "patient")).toBe("");
    await shell(ws, "sleep 1");
    expect(await deleting(ws, "patient")).toBe("2026-01-27T10:01:35Z");
    await shell(ws, "sleep 3600");
    expect(await deleting(ws, "forever")).toBe("");
  });

  it("lets the pods stay when the taint goes before their time is up", async () => {
    const ws = testWorkspace();
    await out(ws, `${tolerating("patient", "60")}\nkubectl taint node node01 maintenance=now:NoExecute; sleep 30`);
    await out(ws, "kubectl taint node node01 maintenance:NoExecute-; sleep 60");
    expect(await deleting(ws, "patient")).toBe("");
  });
});
