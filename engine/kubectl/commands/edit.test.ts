import { describe, expect, it } from "vitest";
import type { KubectlEnv } from "../command";
import { parseFlags } from "../flags";
import { GLOBAL_FLAGS } from "../global-flags";
import { kubeconfigFor } from "../kubeconfig";
import { kubectlArgs, TEST_START, testWorkspace } from "../../testing";
import { newHostFs, Vfs } from "../../shell/vfs";
import type { Workspace } from "../../workspace";
import type { Editor } from "../../shell/terminal";
import { editCommand } from "./edit";

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Session {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** what the editor was shown, each time it was opened */
  readonly shown: string[];
  readonly fs: Vfs;
}

/** Runs `kubectl edit` with an editor that answers each opening with the next function's text. */
async function edit(ws: Workspace, argv: string[], answers?: ((shown: string) => string | undefined)[]): Promise<Session> {
  const fs = new Vfs(newHostFs("controlplane", TEST_START), () => ws.now());
  const shown: string[] = [];
  let stdout = "";
  let stderr = "";
  const editor: Editor | undefined = answers && (async ({ content }) => {
    shown.push(content);
    return answers[shown.length - 1]?.(content);
  });
  const parsed = parseFlags(argv, [...(editCommand.flags ?? []), ...GLOBAL_FLAGS]);
  if (!parsed.ok) throw new Error(parsed.error);
  const cluster = ws.cluster("kubernetes");
  if (!cluster) throw new Error("no cluster");
  const env: KubectlEnv = {
    api: cluster.api,
    runtime: cluster.runtime,
    kubeconfig: kubeconfigFor([]),
    namespace: "default",
    explicitNamespace: false,
    fs,
    cwd: "/root",
    stdin: "",
    signal: new AbortController().signal,
    headless: true,
    sleep: async (ms) => ws.advance(ms),
    settle: () => cluster.settle(),
    saveKubeconfig: () => undefined,
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    editor,
  };
  const status = await (editCommand.run?.({ env, flags: parsed.value, args: parsed.value.args, path: "kubectl edit" }) ?? 1);
  return { stdout, stderr, status, shown, fs };
}

async function pod(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlArgs(ws, ["run", "nginx", "--image=nginx"]);
  return ws;
}

const addPort = (s: string) => s.replace("  - image: nginx\n", "  - image: nginx\n    ports:\n    - containerPort: 80\n");
const tmpFiles = (fs: Vfs) => (fs.readdir("/tmp") as string[]).filter((f) => f.startsWith("kubectl-edit-"));

describe("kubectl edit", () => {
  it("prints kubectl's error when no editor can be launched", async () => {
    const r = await edit(await pod(), ["pod/nginx"]);
    expect([r.stdout, r.stderr, r.status]).toEqual(["", 'error: unable to launch the editor "vi"\n', 1]);
  });

  it("opens the object's YAML under the comment header, and cancels when nothing changed", async () => {
    const ws = await pod();
    const yaml = (await kubectlArgs(ws, ["get", "pod", "nginx", "-o", "yaml"])).stdout;
    const r = await edit(ws, ["pod", "nginx"], [() => undefined]);
    expect([r.stdout, r.stderr, r.status]).toEqual(["", "Edit cancelled, no changes made.\n", 0]);
    expect(r.shown).toEqual([HEADER + yaml]);
    expect(tmpFiles(r.fs)).toEqual([]);
  });

  it("sends the change and reports pod/NAME edited", async () => {
    const ws = await pod();
    const r = await edit(ws, ["pod/nginx"], [(s) => s.replace("- image: nginx\n", "- image: nginx:1.25\n")]);
    expect([r.stdout, r.stderr, r.status]).toEqual(["pod/nginx edited\n", "", 0]);
    expect((await kubectlArgs(ws, ["get", "pod", "nginx", "-o", "jsonpath={.spec.containers[0].image}"])).stdout).toBe("nginx:1.25");
    expect(tmpFiles(r.fs)).toEqual([]);
  });

  it("reopens a change the server refuses with its reasons, and keeps a copy when left unchanged (fidelity 2.4)", async () => {
    const r = await edit(await pod(), ["pod/nginx"], [addPort, () => undefined]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const reopened = r.shown[1];
    // both files stay: the first pass's is only cleaned up after a save that changed something
    const copy = tmpFiles(r.fs).find((f) => r.fs.readFile(`/tmp/${f}`) === reopened);
    expect(tmpFiles(r.fs)).toHaveLength(2);
    expect(r.stderr).toBe(`error: pods "nginx" is invalid\nA copy of your changes has been stored to "/tmp/${copy}"\nerror: Edit cancelled, no valid changes were saved.\n`);
    expect(reopened.startsWith(`${HEADER}# pods "nginx" was not valid:\n# * spec: Forbidden: pod updates may not change fields other than`)).toBe(true);
    expect(reopened.split("\n").filter((l) => !l.startsWith("#")).join("\n")).toBe(addPort(r.shown[0]).split("\n").filter((l) => !l.startsWith("#")).join("\n"));
  });

  it("accepts a corrected save after a refused one", async () => {
    const ws = await pod();
    const r = await edit(ws, ["pod/nginx"], [addPort, (s) => s.replace(/^# .*\n|^#\n/gm, "").replace("    ports:\n    - containerPort: 80\n", "").replace("- image: nginx\n", "- image: nginx:1.27\n")]);
    expect([r.stdout, r.status]).toEqual(["pod/nginx edited\n", 0]);
    expect(r.stderr).toBe('error: pods "nginx" is invalid\n');
  });

  it("reopens a file that is not YAML with the syntax error in the header", async () => {
    const r = await edit(await pod(), ["pod/nginx"], [(s) => `${s}  bad: [\n`, () => undefined]);
    expect(r.shown[1].startsWith(`${HEADER}# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line`)).toBe(true);
    expect(r.stderr.endsWith("error: Edit cancelled, no valid changes were saved.\n")).toBe(true);
  });

  it.each<[string, (s: string) => string, string, number]>([
    ["an emptied file", () => "# nothing\n", "Edit cancelled, saved file was empty.\n", 0],
    ["a changed name", (s) => s.replace("  name: nginx\n", "  name: other\n"), "error: At least one of apiVersion, kind and name was changed\n", 1],
  ])("handles %s", async (_name, change, stderrEnd, status) => {
    const r = await edit(await pod(), ["pod/nginx"], [change]);
    expect(r.status).toBe(status);
    expect(r.stderr.endsWith(stderrEnd)).toBe(true);
  });

  it("edits JSON without a header with -o json, and prints the result as JSON", async () => {
    const ws = await pod();
    const r = await edit(ws, ["pod/nginx", "-o", "json"], [(s) => s.replace('"image": "nginx"', '"image": "nginx:1.25"')]);
    expect(r.shown[0].startsWith("{\n")).toBe(true);
    expect(JSON.parse(r.stdout).spec.containers[0].image).toBe("nginx:1.25");
    expect(r.status).toBe(0);
  });

  it("edits a deployment", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx"]);
    const r = await edit(ws, ["deployment/web"], [(s) => s.replace("  replicas: 1\n", "  replicas: 4\n")]);
    expect([r.stdout, r.stderr, r.status]).toEqual(["deployment.apps/web edited\n", "", 0]);
    expect((await kubectlArgs(ws, ["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"])).stdout).toBe("4");
  });

  it("reports an object that does not exist", async () => {
    const r = await edit(await pod(), ["pod/nosuch"], [() => undefined]);
    expect([r.stderr, r.status]).toEqual(['Error from server (NotFound): pods "nosuch" not found\n', 1]);
  });
});
