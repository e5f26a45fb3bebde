import { describe, expect, it } from "vitest";
import { kubectlArgs, testWorkspace } from "../../../testing";
import { containerNameForImage } from "./deployment";

// Expected objects follow create_deployment.go (createDeployment, buildPodSpec) printed the
// way section 5.2 of the fidelity reference shows kubectl printing them.
const dryRun = (args: string[]) => kubectlArgs(testWorkspace(), ["create", "deployment", "--dry-run=client", "-o", "yaml", ...args]);

describe("kubectl create deployment", () => {
  it("puts --port on the first container and the words after -- in its command", async () => {
    const r = await dryRun(["web", "--image=nginx:1.27", "--port=80", "--", "nginx", "-g", "daemon off;"]);
    expect(r.stdout).toContain(`      containers:
      - command:
        - nginx
        - -g
        - daemon off;
        image: nginx:1.27
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
`);
  });

  it("writes the namespace into the object only with an explicit -n", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create", "deploy", "web", "--image=nginx", "-n", "kube-public", "--dry-run=client", "-o", "yaml"]);
    expect(r.stdout).toContain("  name: web\n  namespace: kube-public\nspec:");
  });

  it("prints a typed object's JSON in Go struct order", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create", "deployment", "web", "--image=nginx", "--dry-run=client", "-o", "json"]);
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(["kind", "apiVersion", "metadata", "spec", "status"]);
  });

  it("creates it and reports deployment.apps/NAME created", async () => {
    const ws = testWorkspace();
    expect(await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx", "-r", "2"])).toEqual({ stdout: "deployment.apps/web created\n", stderr: "", status: 0 });
    expect((await kubectlArgs(ws, ["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"])).stdout).toBe("2");
  });

  it.each<[string, string[], string]>([
    ["without --image", ["web"], 'error: required flag(s) "image" not set\n'],
    ["without a name", ["--image=nginx"], "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n"],
    ["with two names", ["a", "b", "--image=nginx"], "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n"],
    ["with two images and a command", ["web", "--image=nginx", "--image=redis", "--", "date"], "error: cannot specify multiple --image options and command\n"],
    ["with a bad --dry-run", ["web", "--image=nginx", "--dry-run=maybe"], 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n'],
  ])("refuses to run %s", async (_, args, stderr) => {
    expect(await kubectlArgs(testWorkspace(), ["create", "deployment", ...args])).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("wraps an Invalid status in its message, whose kind is group-qualified", async () => {
    const r = await kubectlArgs(testWorkspace(), ["create", "deployment", "Web", "--image=nginx"]);
    expect(r.stderr).toMatch(/^error: failed to create deployment: Deployment\.apps "Web" is invalid: metadata\.name: Invalid value: "Web": /);
    expect(r.status).toBe(1);
  });

  it("wraps the server's error (create_deployment.go Run)", async () => {
    const ws = testWorkspace();
    await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx"]);
    expect(await kubectlArgs(ws, ["create", "deployment", "web", "--image=nginx"])).toEqual({
      stdout: "",
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      status: 1,
    });
  });
});

describe("containerNameForImage (buildPodSpec, sanitizeAndUniquify)", () => {
  it.each([
    ["nginx", "nginx"],
    ["nginx:1.27", "nginx"],
    ["registry.k8s.io/pause:3.9", "pause"],
    ["busybox@sha256:0123456789abcdef0123456789abcdef", "busybox"],
    ["docker.io/library/redis", "redis"],
  ])("%s → %s", (image, name) => {
    expect(containerNameForImage(image, 1)).toBe(name);
  });

  it("makes a name with _ or . DNS-safe and adds a 5-character random suffix", () => {
    expect(containerNameForImage("k8s.gcr.io/serve_hostname:v1.4", 1)).toMatch(/^serve-hostname-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(containerNameForImage("my.app", 7)).toBe(containerNameForImage("my.app", 7));
  });
});
