import { describe, expect, it } from "vitest";
import { configHash, manifestPod } from "./manifest-cache";

const POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n";

describe("manifestPod", () => {
  it.each([
    ["text that is not YAML", "this: [is not"],
    ["a document that is not a Pod", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {}\n"],
    ["a Pod without a name", "apiVersion: v1\nkind: Pod\nmetadata: {}\nspec: {}\n"],
    ["a Pod without a spec", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"],
    ["an empty file", ""],
    ["a Pod of another API group", "apiVersion: apps/v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n"],
    ["a Pod without an apiVersion", "kind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n"],
  ])("skips %s", (_, text) => {
    expect(manifestPod(text)).toBeUndefined();
  });

  it("parses a Pod once per text", () => {
    const first = manifestPod(POD);
    expect(first?.pod.metadata?.name).toBe("web");
    expect(first?.json).toBe(JSON.stringify(first?.pod));
    expect(manifestPod(POD)).toBe(first);
    expect(manifestPod(`${POD}\n`)).not.toBe(first);
  });

  it("forgets the least recently used texts once full", () => {
    const first = manifestPod(`${POD}# first\n`);
    for (let i = 0; i < 600; i++) manifestPod(`${POD}# ${i}\n`);
    const again = manifestPod(`${POD}# first\n`);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe("configHash", () => {
  it("depends on the node, the path and the document, and is stable", () => {
    const m = manifestPod(POD);
    if (!m) throw new Error("manifest did not parse");
    const hash = configHash(m, "node01", "/etc/kubernetes/manifests/web.yaml");
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(configHash(m, "node01", "/etc/kubernetes/manifests/web.yaml")).toBe(hash);
    expect(configHash(m, "node02", "/etc/kubernetes/manifests/web.yaml")).not.toBe(hash);
    expect(configHash(m, "node01", "/etc/kubernetes/manifests/web2.yaml")).not.toBe(hash);
  });
});
