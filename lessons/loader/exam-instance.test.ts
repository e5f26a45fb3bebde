import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Workspace } from "../../engine/index";
import { parseExam, type Exam } from "./exam";
import { examWorkspace, gradeTask, inLocale, instantiate, runSolution, shownSolution, type ExamInstance } from "./exam-instance";
import { PROOF_START } from "./prove";

const TINY = readFileSync(new URL("./testdata/exams/tiny-mock.yaml", import.meta.url), "utf8");

function exam(text = TINY): Exam {
  const r = parseExam(text, "lessons/exams/tiny-mock.yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.exam;
}

function instance(e: Exam, seed: number): ExamInstance {
  const r = instantiate(e, seed);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.instance;
}

async function sh(ws: Workspace, line: string): Promise<string> {
  let out = "";
  await ws.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) }, { tty: false });
  return out;
}

describe("parameter draws", () => {
  it("gives the same exam for the same seed", () => {
    expect(instance(exam(), 7).params).toEqual(instance(exam(), 7).params);
    expect(instance(exam(), 7).tasks.map((t) => t.text)).toEqual(instance(exam(), 7).tasks.map((t) => t.text));
  });

  it("draws other values for other seeds, each within its declaration", () => {
    const draws = Array.from({ length: 20 }, (_, seed) => instance(exam(), seed).params);
    for (const d of draws) {
      expect(["shop", "team-a", "web"]).toContain(d.ns);
      expect(["web", "api", "cache"]).toContain(d["run-pod.name"]);
      expect(d["port-file.port"]).toBeGreaterThanOrEqual(30000);
      expect(d["port-file.port"]).toBeLessThanOrEqual(30099);
    }
    expect(new Set(draws.map((d) => JSON.stringify(d))).size).toBeGreaterThan(10);
  });

  it("fills the text, the setup, the solution and the checks", () => {
    const i = instance(exam(), 3);
    const { ns } = i.params;
    const name = i.params["run-pod.name"];
    const image = i.params["run-pod.image"];
    const port = i.params["port-file.port"];
    const [run, file] = i.tasks;
    expect(run.text.en).toBe(`Create a pod \`${name}\` with image \`${image}\` in namespace \`${ns}\`.`);
    expect(run.setup).toBe(`kubectl create namespace ${ns}`);
    expect(run.checks[1]).toMatchObject({ jsonpath: { name, namespace: ns }, equals: image });
    expect(file.checks[0]).toMatchObject({ equals: port });
    expect(typeof (file.checks[0] as { equals: unknown }).equals).toBe("number");
  });

  it("names the line that reaches each task's cluster and the host it is solved on", () => {
    const ssh = instance(exam(), 1);
    expect(ssh.tasks.map((t) => [t.access, t.host])).toEqual([
      ["ssh cka1111", "cka1111"],
      ["ssh cka2222", "cka2222"],
      ["ssh cka2222", "cka2222"],
    ]);
    expect(shownSolution(ssh.tasks[2])).toBe("ssh cka2222\nkubectl cordon cka2222-node2\n");
    const ctx = instance(exam(TINY.replace("access: ssh", "access: context")), 1);
    expect(ctx.tasks.map((t) => [t.access, t.host])).toEqual([
      ["kubectl config use-context cka1111", "base"],
      ["kubectl config use-context cka2222", "base"],
      ["kubectl config use-context cka2222", "base"],
    ]);
  });
});

describe("check messages", () => {
  it("may be worded per language; results are reworded by the matching checks", async () => {
    const text = TINY.replace("        message: the node is cordoned", "        message: {ko: 노드가 cordon 되어 있습니다, en: the node is cordoned}").replace(
      "        message: the pod exists",
      "        message: {ko: 파드가 있습니다, en: the pod exists}",
    );
    const i = instance(exam(text), 1);
    const [run, , cordon] = i.tasks;
    expect(cordon.checks[0].message).toBe("the node is cordoned");
    expect(cordon.localized.ko[0].message).toBe("노드가 cordon 되어 있습니다");
    // a plain string serves both languages
    expect(run.localized.ko.map((c) => c.message)).toEqual(["파드가 있습니다", "the pod runs the image asked for"]);
    const { ws } = await examWorkspace(i, PROOF_START);
    const report = await gradeTask(ws, run);
    expect(inLocale(report.checks, run.localized.ko).map((c) => [c.passed, c.message, c.detail])).toEqual(report.checks.map((c, j) => [c.passed, run.localized.ko[j].message, c.detail]));
  });

  it("reports a language missing from a worded message", () => {
    const text = TINY.replace("        message: the node is cordoned", "        message: {en: the node is cordoned}");
    const r = instantiate(exam(text), 1);
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual(["52: task cordon: checks[0].message: Invalid input: expected string, received undefined"]);
  });
});

describe("an attempt's workspace", () => {
  it("ssh: opens on base without a kubeconfig; each cluster is its own host with its own nodes", async () => {
    const { ws, setups } = await examWorkspace(instance(exam(), 1), PROOF_START);
    expect(setups.map((s) => s.status)).toEqual([0]);
    expect(ws.prompt()).toBe("base:~$ ");
    expect(await sh(ws, "kubectl get nodes")).toBe("The connection to the server localhost:8080 was refused - did you specify the right host or port?\n");
    expect(await sh(ws, "ssh cka2222 kubectl get nodes -o name")).toBe("node/cka2222\nnode/cka2222-node1\nnode/cka2222-node2\n");
    expect(await sh(ws, "ssh cka1111\nk get nodes -o name\nexit")).toBe("node/cka1111\nnode/cka1111-node1\nlogout\nConnection to cka1111 closed.\n");
    expect(ws.prompt()).toBe("base:~$ ");
  });

  it("context: one kubeconfig on base with a context per cluster", async () => {
    const ctx = exam(TINY.replace("access: ssh", "access: context"));
    const { ws } = await examWorkspace(instance(ctx, 1), PROOF_START);
    expect(await sh(ws, "kubectl config get-contexts -o name")).toBe("cka1111\ncka2222\n");
    expect(await sh(ws, "kubectl config use-context cka2222 && kubectl get nodes -o name")).toBe(
      'Switched to context "cka2222".\nnode/cka2222-controlplane\nnode/cka2222-node1\nnode/cka2222-node2\n',
    );
  });

  it("grades each task in its own cluster and on its own host, before and after its solution", async () => {
    const i = instance(exam(), 2);
    const { ws } = await examWorkspace(i, PROOF_START);
    for (const t of i.tasks) expect((await gradeTask(ws, t)).passed).toBe(false);
    // the file is written on cka2222: the same file on base does not count
    await sh(ws, `echo ${i.params["port-file.port"]} > /opt/port.txt`);
    expect((await gradeTask(ws, i.tasks[1])).passed).toBe(false);
    for (const t of i.tasks) expect(await runSolution(ws, t, { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    for (const t of i.tasks) expect((await gradeTask(ws, t)).passed).toBe(true);
    // the cordon happened in cka2222, not in cka1111
    expect(await sh(ws, "ssh cka1111 kubectl get node cka1111-node1 -o jsonpath='{.spec.unschedulable}'")).toBe("");
  });

  it("context: command checks run in the task's context, whatever the candidate switched to last", async () => {
    const text = TINY.replace("access: ssh", "access: context").replace(
      "        message: the node is cordoned",
      "        message: the node is cordoned\n      - command: kubectl get nodes --field-selector spec.unschedulable=true -o name\n        stdout: {equals: node/cka2222-node2}\n        message: kubectl lists the cordoned node",
    );
    const i = instance(exam(text), 1);
    const { ws } = await examWorkspace(i, PROOF_START);
    const cordon = i.tasks[2];
    expect(cordon.checks).toHaveLength(2);
    await runSolution(ws, cordon, { stdout: () => undefined, stderr: () => undefined });
    await sh(ws, "kubectl config use-context cka1111");
    expect((await gradeTask(ws, cordon)).checks.map((c) => c.passed)).toEqual([true, true]);
    // grading switched nothing for the candidate
    expect(await sh(ws, "kubectl config current-context")).toBe("cka1111\n");
  });
});
