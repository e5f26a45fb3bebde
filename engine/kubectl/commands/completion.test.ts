/**
 * `kubectl completion`: kubectl's usage errors, and a bash script the learner's shell can
 * source, after which `__start_kubectl` exists as the CKA ~/.bashrc expects.
 */
import { describe, expect, it } from "vitest";
import { kubectlLine, shell, testWorkspace } from "../../testing";

describe("kubectl completion", () => {
  it.each([
    ["completion", "error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n"],
    ["completion bash zsh", "error: Too many arguments. Expected only the shell type.\nSee 'kubectl completion -h' for help and examples\n"],
    ["completion tcsh", `error: Unsupported shell type "tcsh".\nSee 'kubectl completion -h' for help and examples\n`],
  ])("%s fails as kubectl does", async (line, stderr) => {
    expect(await kubectlLine(testWorkspace(), line)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("starts bash output with the license boilerplate, zsh with its compdef header", async () => {
    const ws = testWorkspace();
    const bash = await kubectlLine(ws, "completion bash");
    expect(bash.stdout.startsWith("\n# Copyright 2016 The Kubernetes Authors.\n")).toBe(true);
    const zsh = await kubectlLine(ws, "completion zsh");
    expect(zsh.stdout.startsWith("#compdef kubectl\ncompdef _kubectl kubectl\n\n# Copyright 2016")).toBe(true);
    expect((await kubectlLine(ws, "completion fish")).status).toBe(0);
    expect((await kubectlLine(ws, "completion powershell")).status).toBe(0);
  });

  it("can be sourced in the learner's shell and defines __start_kubectl", async () => {
    const ws = testWorkspace();
    const r = await shell(ws, "source <(kubectl completion bash) && type -t __start_kubectl __kubectl_get_completion_results");
    expect(r).toEqual({ stdout: "function\nfunction\n", stderr: "", status: 0 });
  });

  it("can be written to a file and sourced from there", async () => {
    const ws = testWorkspace();
    const r = await shell(ws, "kubectl completion bash > ~/.kube/completion.bash.inc; source ~/.kube/completion.bash.inc; echo $?");
    expect(r).toEqual({ stdout: "0\n", stderr: "", status: 0 });
  });
});
