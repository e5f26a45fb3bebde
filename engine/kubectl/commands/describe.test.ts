/**
 * `kubectl describe` (v1.35 describe.go): which objects are described and how the
 * outputs are joined, prefix matching, the Events given to each, and the errors. The
 * text of one object is describeObject's, tested beside it; here a multi-object output
 * must equal the single-object outputs joined as kubectl joins them.
 */
import { describe, expect, it } from "vitest";
import { resourceForKind } from "../../api/resources";
import { kubectlLine, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";

async function withPods(...names: string[]): Promise<Workspace> {
  const ws = testWorkspace();
  for (const n of names) await kubectlLine(ws, `run ${n} --image=nginx --labels=app=${n.startsWith("web") ? "web" : n}`);
  return ws;
}

const one = async (ws: Workspace, name: string) => (await kubectlLine(ws, `describe pod ${name}`)).stdout;

describe("kubectl describe: which objects", () => {
  it("describes one object with its events", async () => {
    const ws = await withPods("web-1");
    const r = await kubectlLine(ws, "describe pod web-1");
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("Name:             web-1\nNamespace:        default\n")).toBe(true);
    expect(r.stdout).toContain("  Normal  Scheduled  0s    default-scheduler  Successfully assigned default/web-1 to node02\n");
    expect((await kubectlLine(ws, "describe pods/web-1")).stdout).toBe(r.stdout);
  });

  it("joins several objects with two blank lines, as kubectl writes them", async () => {
    const ws = await withPods("web-1", "web-2", "db");
    const [a, b, c] = [await one(ws, "db"), await one(ws, "web-1"), await one(ws, "web-2")];
    expect(await kubectlLine(ws, "describe pods")).toEqual({ stdout: `${a}\n\n${b}\n\n${c}`, stderr: "", status: 0 });
    expect((await kubectlLine(ws, "describe pods -l app=web")).stdout).toBe(`${b}\n\n${c}`);
    expect((await kubectlLine(ws, "describe pod web-2 db")).stdout).toBe(`${c}\n\n${a}`);
  });

  it("describes every object whose name starts with the given one when none matches exactly", async () => {
    const ws = await withPods("web-1", "web-2", "db");
    const [b, c] = [await one(ws, "web-1"), await one(ws, "web-2")];
    expect(await kubectlLine(ws, "describe pod web")).toEqual({ stdout: `${b}\n${c}\n`, stderr: "", status: 0 });
    expect(await kubectlLine(ws, "describe pod w")).toEqual({ stdout: `${b}\n${c}\n`, stderr: "", status: 0 });
  });

  it("looks in every namespace with -A", async () => {
    const ws = testWorkspace();
    const r = await kubectlLine(ws, "describe pods -A -l component=etcd");
    expect(r.stdout.startsWith("Name:                 etcd-controlplane\nNamespace:            kube-system\n")).toBe(true);
    expect(await kubectlLine(ws, "describe pod etcd-controlplane -A")).toEqual({ stdout: "", stderr: "error: a resource cannot be retrieved by name across all namespaces\n", status: 1 });
  });

  it("describes the objects a file names", async () => {
    const ws = await withPods("web-1");
    const r = await kubectlLine(ws, "describe -f -", JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "web-1" } }));
    expect(r).toEqual({ stdout: await one(ws, "web-1"), stderr: "", status: 0 });
  });
});

describe("kubectl describe: events", () => {
  it("shows only the events whose involvedObject is this object (by uid)", async () => {
    const ws = await withPods("web-1");
    const api = ws.cluster("kubernetes")?.api;
    const events = resourceForKind("Event");
    if (!api || !events) throw new Error("no cluster");
    const stale = { kind: "Pod", name: "web-1", namespace: "default", uid: "00000000-0000-0000-0000-000000000000" };
    api.create(events, "default", { metadata: { name: "web-1.stale" }, involvedObject: stale, reason: "OldPodEvent", message: "about an older web-1", type: "Normal", source: { component: "kubelet" } });
    expect((await kubectlLine(ws, "describe pod web-1")).stdout).not.toContain("OldPodEvent");
  });

  it("--show-events=false leaves the Events section out", async () => {
    const ws = await withPods("web-1");
    const r = await kubectlLine(ws, "describe pod web-1 --show-events=false");
    expect(r.stdout).not.toContain("Events:");
    expect(r.stdout.endsWith("                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n")).toBe(true);
  });
});

describe("kubectl describe: errors", () => {
  it.each([
    ["describe", 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n'],
    ["describe pod nope", 'Error from server (NotFound): pods "nope" not found\n'],
    ["describe pods/web-1x", 'Error from server (NotFound): pods "web-1x" not found\n'],
    ["describe deploy web", 'Error from server (NotFound): deployments.apps "web" not found\n'],
    ["describe foo", 'error: the server doesn\'t have a resource type "foo"\n'],
    ["describe pods web-1 -l app=web", "error: name cannot be provided when a selector is specified\n"],
  ])("%s", async (line, stderr) => {
    expect(await kubectlLine(await withPods("web-1"), line)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("describes what it found and reports the rest, one line per error", async () => {
    const ws = await withPods("web-1");
    expect(await kubectlLine(ws, "describe pod web-1 nope")).toEqual({ stdout: await one(ws, "web-1"), stderr: 'Error from server (NotFound): pods "nope" not found\n', status: 1 });
    expect(await kubectlLine(ws, "describe pod a b c")).toEqual({
      stdout: "",
      stderr: 'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\nError from server (NotFound): pods "c" not found\n',
      status: 1,
    });
  });

  it("says when a list is empty", async () => {
    expect(await kubectlLine(testWorkspace(), "describe pods")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", status: 0 });
    expect(await kubectlLine(testWorkspace(), "describe pods -A -l app=none")).toEqual({ stdout: "", stderr: "No resources found\n", status: 0 });
  });
});
