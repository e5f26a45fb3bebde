import { describe, expect, it } from "vitest";
import { kubectlArgs, kubectlLine, testWorkspace } from "../../testing";

describe("kubectl wait", () => {
  it.each<[string, string[]]>([
    ["a condition", ["--for=condition=Ready", "pod/nginx"]],
    ["a condition in other case", ["--for=condition=ready=TRUE", "pod/nginx"]],
    ["a JSONPath value", ["--for=jsonpath={.status.phase}=Running", "pod/nginx"]],
    ["a quoted JSONPath value", ["--for=jsonpath={.status.phase}='Running'", "pod/nginx"]],
    ["a JSONPath that exists", ["--for=jsonpath={.status.podIP}", "pod/nginx"]],
    ["a relaxed JSONPath", ["--for=jsonpath=.status.phase=Running", "pod/nginx"]],
    ["a filter JSONPath", ['--for=jsonpath={.status.conditions[?(@.type=="Ready")].status}=True', "pod/nginx"]],
    ["a label selector", ["--for=condition=Ready", "pod", "-l", "run=nginx"]],
    ["--all", ["--for=condition=Ready", "pods", "--all"]],
  ])("prints condition met for %s", async (_name, args) => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run nginx --image=nginx");
    expect(await kubectlArgs(ws, ["wait", ...args])).toEqual({ stdout: "pod/nginx condition met\n", stderr: "", status: 0 });
  });

  it("waits in virtual time for a Deployment to become Available", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create deployment web --image=nginx --replicas=2");
    expect(await kubectlLine(ws, "wait --for=condition=Available deployment/web --timeout=60s")).toEqual({ stdout: "deployment.apps/web condition met\n", stderr: "", status: 0 });
  });

  it("waits for a deletion, and for nothing when the object is already gone", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run nginx --image=nginx");
    await kubectlLine(ws, "delete pod nginx --wait=false");
    expect(await kubectlLine(ws, "wait --for=delete pod/nginx --timeout=60s")).toEqual({ stdout: "pod/nginx condition met\n", stderr: "", status: 0 });
    expect(await kubectlLine(ws, "wait --for=delete pod/nginx")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  it("waits for an object to be created", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create configmap cfg");
    expect(await kubectlLine(ws, "wait --for=create configmap/cfg --timeout=5s")).toEqual({ stdout: "configmap/cfg condition met\n", stderr: "", status: 0 });
    expect(await kubectlLine(ws, "wait --for=create configmap/nope --timeout=5s")).toEqual({ stdout: "", stderr: "error: timed out waiting for the condition on configmaps/nope\n", status: 1 });
  });

  it("gives up after --timeout of virtual time", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run nginx --image=nginx");
    await kubectlLine(ws, "wait --for=condition=Ready pod/nginx");
    const start = ws.now();
    expect(await kubectlLine(ws, "wait --for=condition=Ready=false pod/nginx --timeout=20s")).toEqual({ stdout: "", stderr: "error: timed out waiting for the condition on pods/nginx\n", status: 1 });
    expect(ws.now() - start).toBe(20_000);
  });

  it("checks once with --timeout=0", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run nginx --image=nginx");
    await kubectlLine(ws, "wait --for=condition=Ready pod/nginx");
    expect(await kubectlLine(ws, "wait --for=condition=Ready=false pod/nginx --timeout=0")).toEqual({ stdout: "", stderr: "error: condition not met for pods/nginx\n", status: 1 });
  });

  it("prints the object with -o", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run nginx --image=nginx");
    expect((await kubectlLine(ws, "wait --for=condition=Ready pod/nginx -o name")).stdout).toBe("pod/nginx\n");
  });

  it.each<[string, string[], string]>([
    ["no condition", ["pod/nginx"], 'error: unrecognized condition: ""\n'],
    ["an unknown condition", ["--for=ready", "pod/nginx"], 'error: unrecognized condition: "ready"\n'],
    ["a JSONPath without a value after =", ["--for=jsonpath={.status.phase}=", "pod/nginx"], "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n"],
    ["too many = in a JSONPath", ["--for=jsonpath={.a}=b=c", "pod/nginx"], "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n"],
    ["a JSONPath to a map", ["--for=jsonpath={.status}=x", "pod/nginx"], "error: jsonpath leads to a nested object or list which is not supported\n"],
    ["a missing object", ["--for=condition=Ready", "pod/nope"], 'Error from server (NotFound): pods "nope" not found\n'],
    ["a selector matching nothing", ["--for=condition=Ready", "pod", "-l", "app=none"], "error: no matching resources found\n"],
  ])("refuses %s", async (_name, args, stderr) => {
    const ws = testWorkspace();
    await kubectlLine(ws, "run nginx --image=nginx");
    expect(await kubectlArgs(ws, ["wait", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });
});
