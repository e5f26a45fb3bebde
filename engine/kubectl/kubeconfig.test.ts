import { describe, expect, it } from "vitest";
import { KUBECONFIG_PATH, kubeconfigFor, parseKubeconfig, serializeKubeconfig } from "./kubeconfig";

const text = serializeKubeconfig(kubeconfigFor([{ name: "kubernetes", server: "https://172.30.1.2:6443", context: "kubernetes-admin@kubernetes", user: "kubernetes-admin" }]));

describe("parseKubeconfig", () => {
  it("reads the file kubeadm writes", () => {
    const read = parseKubeconfig(text);
    expect(read.ok && read.value["current-context"]).toBe("kubernetes-admin@kubernetes");
    expect(read.ok && read.value.clusters.map((c) => c.cluster.server)).toEqual(["https://172.30.1.2:6443"]);
  });

  it("hands the same text's parse out again, frozen so no command can change it for the next", () => {
    const first = parseKubeconfig(text);
    expect(parseKubeconfig(`${text}`)).toBe(first);
    expect(Object.isFrozen(first.ok && first.value.contexts[0].context)).toBe(true);
    expect(parseKubeconfig(`${text}# edited\n`)).not.toBe(first);
  });

  it("fails on text that is not YAML, with kubectl's prefix", () => {
    expect(parseKubeconfig("clusters: [\n")).toMatchObject({ ok: false, error: expect.stringContaining(`error loading config file "${KUBECONFIG_PATH}": `) });
  });
});
