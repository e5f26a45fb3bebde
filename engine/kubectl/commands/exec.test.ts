/**
 * `kubectl exec` on the live cluster: commands run in the container and come back with
 * their output and exit code (`command terminated with exit code N`), stdin only with -i,
 * the TTY rules of StreamOptions.SetupTTY, and every refusal on the way (exec.go, podcmd,
 * the API server's streamLocation and the kubelet).
 */
import { describe, expect, it } from "vitest";
import type { Transcript } from "../../testing";
import { kubectlArgs, kubectlLine, shell, testWorkspace } from "../../testing";
import type { Workspace } from "../../workspace";
import { createPod, podManifest, START_MS } from "./testdata/pod-states";

const ok = (stdout: string, stderr = ""): Transcript => ({ stdout, stderr, status: 0 });
const refused = (stderr: string): Transcript => ({ stdout: "", stderr, status: 1 });

async function workspaceWith(manifest: string, ms = START_MS): Promise<Workspace> {
  const ws = testWorkspace();
  await createPod(ws, manifest);
  ws.advance(ms);
  return ws;
}

async function nginx(): Promise<Workspace> {
  const ws = testWorkspace();
  await kubectlLine(ws, "run web --image=nginx");
  ws.advance(START_MS);
  return ws;
}

describe("kubectl exec: running a command in the container", () => {
  it("reads the container's files: /etc/hostname holds the pod name", async () => {
    expect(await kubectlLine(await nginx(), "exec web -- cat /etc/hostname")).toEqual(ok("web\n"));
  });

  it.each([
    // busybox's ls and its exit status
    [podManifest("web", ["app"]), "ls: /nonexistent: No such file or directory\n", 1],
    // GNU coreutils in the Debian-based nginx image
    ["", "ls: cannot access '/nonexistent': No such file or directory\n", 2],
  ])("passes on the command's error and exit code %#", async (manifest, message, code) => {
    const ws = manifest ? await workspaceWith(manifest) : await nginx();
    expect(await kubectlLine(ws, "exec web -- ls /nonexistent")).toEqual({ stdout: "", stderr: `${message}command terminated with exit code ${code}\n`, status: code });
  });

  it("reports a command the image does not have as runc does", async () => {
    const r = await kubectlLine(await workspaceWith(podManifest("web", ["app"])), "exec web -- bash");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it("defaults to the first container and says so, unless -q", async () => {
    const ws = await workspaceWith(podManifest("web", ["a", "b"]));
    const hostname = ["--", "sh", "-c", "echo $HOSTNAME"];
    expect(await kubectlArgs(ws, ["exec", "web", ...hostname])).toEqual(ok("web\n", 'Defaulted container "a" out of: a, b\n'));
    expect(await kubectlArgs(ws, ["exec", "-q", "web", ...hostname])).toEqual(ok("web\n"));
    expect(await kubectlArgs(ws, ["exec", "web", "-c", "b", "--", "ls", "/nope"])).toEqual({ stdout: "", stderr: "ls: /nope: No such file or directory\ncommand terminated with exit code 1\n", status: 1 });
  });

  it("still accepts the deprecated form without --, with kubectl's warning", async () => {
    expect(await kubectlLine(await nginx(), "exec web hostname")).toEqual(
      ok("web\n", "kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n"),
    );
  });

  it("finds the pod a file names with -f", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await kubectlArgs(ws, ["exec", "-f", "-", "--", "hostname"], podManifest("web", ["app"]))).toEqual(ok("web\n"));
  });

  it("uses the first pod of a deployment", async () => {
    const ws = testWorkspace();
    await kubectlLine(ws, "create deployment web --image=nginx --replicas=1");
    ws.advance(START_MS);
    const pod = (await kubectlArgs(ws, ["get", "pods", "-o", "jsonpath={.items[0].metadata.name}"])).stdout;
    expect(await kubectlLine(ws, "exec deploy/web -- cat /etc/hostname")).toEqual(ok(`${pod}\n`));
  });

  it("sees files another container wrote into a shared emptyDir", async () => {
    const manifest = JSON.stringify({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "pair" },
      spec: {
        volumes: [{ name: "shared", emptyDir: {} }],
        containers: [
          { name: "writer", image: "busybox", command: ["sh", "-c", "echo from writer > /data/note; sleep 3600"], volumeMounts: [{ name: "shared", mountPath: "/data" }] },
          { name: "reader", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "shared", mountPath: "/shared" }] },
        ],
      },
    });
    expect(await kubectlLine(await workspaceWith(manifest), "exec pair -c reader -- cat /shared/note")).toEqual(ok("from writer\n"));
  });
});

describe("kubectl exec: stdin and the terminal", () => {
  const script = "echo hi\nhostname\nexit 3\n";

  it("passes a heredoc to the command with -i", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await shell(ws, `kubectl exec -i web -- sh <<EOF\n${script}EOF`)).toEqual({ stdout: "hi\nweb\n", stderr: "command terminated with exit code 3\n", status: 3 });
  });

  it("passes piped stdin only with -i", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    expect(await shell(ws, "echo 'cat /etc/hostname' | kubectl exec web -- sh")).toEqual(ok(""));
    expect(await shell(ws, "echo 'cat /etc/hostname' | kubectl exec -i web -- sh")).toEqual(ok("web\n"));
  });

  it("cannot use a TTY when stdin is piped, and says so unless -q", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    const tty = "Unable to use a TTY - input is not a terminal or the right kind of file\n";
    expect(await kubectlLine(ws, "exec -it web -- sh", script)).toEqual({ stdout: "hi\nweb\n", stderr: `${tty}command terminated with exit code 3\n`, status: 3 });
    expect(await kubectlLine(ws, "exec -it -q web -- sh", script)).toEqual({ stdout: "hi\nweb\n", stderr: "command terminated with exit code 3\n", status: 3 });
  });

  it("ends a shell at once when the terminal gives it no input", async () => {
    expect(await kubectlLine(await workspaceWith(podManifest("web", ["app"])), "exec -it web -- sh")).toEqual(ok(""));
  });

  it("under a TTY brings the command's stderr back on stdout", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"]));
    const failed = "command terminated with exit code 1\n";
    expect(await kubectlLine(ws, "exec -it web -- ls /nope")).toEqual({ stdout: "ls: /nope: No such file or directory\n", stderr: failed, status: 1 });
    // -t without -i asks for no TTY (SetupTTY drops it silently)
    expect(await kubectlLine(ws, "exec -t web -- ls /nope")).toEqual({ stdout: "", stderr: `ls: /nope: No such file or directory\n${failed}`, status: 1 });
  });
});

describe("kubectl exec: refusals", () => {
  it.each([
    ["exec web", "error: you must specify at least one command for the container\n"],
    ["exec -- ls", "error: pod, type/name or --filename must be specified\n"],
    ["exec nope -- ls", 'Error from server (NotFound): pods "nope" not found\n'],
    ["exec web -c x -- ls", "Error from server (BadRequest): container x is not valid for pod web\n"],
    ["exec web --pod-running-timeout=0s -- ls", "error: --pod-running-timeout must be higher than zero\nSee 'kubectl exec -h' for help and examples\n"],
  ])("%s", async (line, stderr) => {
    expect(await kubectlLine(await workspaceWith(podManifest("web", ["app"])), line)).toEqual(refused(stderr));
  });

  it("cannot exec into a completed pod", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["run", "once", "--image=busybox", "--restart=Never", "--", "echo", "done"]);
    ws.advance(START_MS);
    expect(await kubectlLine(ws, "exec once -- ls")).toEqual(refused("error: cannot exec into a container in a completed pod; current phase is Succeeded\n"));
  });

  it("finds no container that is not running yet", async () => {
    expect(await kubectlLine(await workspaceWith(podManifest("web", ["app"]), 0), "exec web -- ls")).toEqual(refused('error: unable to upgrade connection: container not found ("app")\n'));
  });

  it("finds no container that is waiting to be restarted", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["run", "crash", "--image=busybox", "--", "sh", "-c", "exit 1"]);
    ws.advance(START_MS);
    expect((await kubectlLine(ws, "get pod crash")).stdout).toContain("CrashLoopBackOff");
    expect(await kubectlLine(ws, "exec crash -- ls")).toEqual(refused('error: unable to upgrade connection: container not found ("crash")\n'));
  });

  it("has no node to reach for a pod not yet scheduled", async () => {
    const ws = await workspaceWith(podManifest("web", ["app"], [], { nodeSelector: { disk: "ssd" } }));
    expect(await kubectlLine(ws, "exec web -- ls")).toEqual(refused("Error from server (BadRequest): pod web does not have a host assigned\n"));
  });
});
