import { describe, expect, it } from "vitest";
import { Vfs } from "../shell/vfs";
import type { ProcessOutcome } from "./kubelet-process";
import { kubeletOutcome } from "./kubelet-process";

const CONFIG = "/var/lib/kubelet/config.yaml";
const GOOD = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\nstaticPodPath: /etc/kubernetes/manifests\n";
const ARGS = ["--kubeconfig=/etc/kubernetes/kubelet.conf", `--config=${CONFIG}`, "--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock"];

function run(config: string | undefined, args = ARGS, runtimeUp = true): ProcessOutcome {
  const fs = new Vfs({ entries: {} });
  fs.mkdir("/var/lib/kubelet", { parents: true });
  if (config !== undefined) fs.writeFile(CONFIG, config);
  return kubeletOutcome(args, { fs, host: "node01", version: "v1.35.0", runtimeUp });
}

/** The err="…" value of the kubelet's "command failed" line, unquoted. */
function error(outcome: ProcessOutcome): string {
  if (outcome.ok) return "";
  const last = outcome.lines[outcome.lines.length - 1];
  expect(last.klog).toEqual({ level: "E", source: "run.go:74" });
  const m = /^"command failed" err=(".*")$/.exec(last.text);
  return m ? (JSON.parse(m[1]) as string) : last.text;
}

const load = (inner: string) => `failed to load kubelet config file, path: ${CONFIG}, error: failed to load Kubelet config file ${CONFIG}, error ${inner}`;

describe("the kubelet's start", () => {
  it("comes up with a good config, warning about the deprecated runtime flag", () => {
    const o = run(GOOD);
    expect(o.ok).toBe(true);
    const texts = o.lines.map((l) => l.text);
    expect(texts[0]).toMatch(/^Flag --container-runtime-endpoint has been deprecated, This parameter should be set via the config file/);
    expect(texts).toContain('"Kubelet version" kubeletVersion="v1.35.0"');
    expect(texts).toContain('"Successfully registered node" node="node01"');
  });

  it("only logs fields it does not know, decoding leniently", () => {
    const o = run(GOOD + "staticPodPathh: /tmp\nfoo: 1\n");
    expect(o.ok).toBe(true);
    expect(o.lines.map((l) => l.text)).toContain('"Using lenient decoding as strict decoding failed" err="strict decoding error: unknown field \\"staticPodPathh\\", unknown field \\"foo\\""');
  });

  it.each([
    ["an unknown flag", GOOD, [...ARGS, "--improve-speed"], "failed to parse kubelet flag: unknown flag: --improve-speed"],
    ["a flag kubelet 1.35 removed", GOOD, [...ARGS, "--pod-infra-container-image=registry.k8s.io/pause:3.10"], "failed to parse kubelet flag: unknown flag: --pod-infra-container-image"],
    ["a flag without its value", GOOD, [...ARGS, "--node-ip"], "failed to parse kubelet flag: flag needs an argument: --node-ip"],
    ["a stray argument", GOOD, [...ARGS, "extra"], "unknown command extra"],
    ["a missing config file", undefined, ARGS, load(`failed to read kubelet config file "${CONFIG}", error: open ${CONFIG}: no such file or directory`)],
    ["an empty config file", "", ARGS, load(`kubelet config file "${CONFIG}" was empty`)],
    ["YAML that does not parse", GOOD + "\tmaxPods: 10\n", ARGS, load("failed to decode: error converting YAML to JSON: yaml: line 5: found character that cannot start any token")],
    ["a wrong apiVersion", GOOD.replace("v1beta1", "v1beta2"), ARGS, load('failed to decode: no kind "KubeletConfiguration" is registered for version "kubelet.config.k8s.io/v1beta2" in scheme "pkg/kubelet/apis/config/scheme/scheme.go:33"')],
    ["a wrong kind", GOOD.replace("kind: KubeletConfiguration", "kind: KubeletConfig"), ARGS, load('failed to decode: no kind "KubeletConfig" is registered for version "kubelet.config.k8s.io/v1beta1" in scheme "pkg/kubelet/apis/config/scheme/scheme.go:33"')],
    ["a value of the wrong type", GOOD + "maxPods: many\n", ARGS, load("failed to decode: json: cannot unmarshal string into Go struct field KubeletConfiguration.maxPods of type int32")],
    ["an out-of-range value", GOOD + "healthzPort: 70000\n", ARGS, "failed to validate kubelet configuration, error: invalid configuration: healthzPort (--healthz-port) 70000 must be between 1 and 65535, inclusive, path: &TypeMeta{Kind:,APIVersion:,}"],
    [
      "several invalid values",
      GOOD + "maxPods: -1\noomScoreAdj: 2000\n",
      ARGS,
      "failed to validate kubelet configuration, error: [invalid configuration: maxPods (--max-pods) -1 must not be a negative number, invalid configuration: oomScoreAdj (--oom-score-adj) 2000 must be between -1000 and 1000, inclusive], path: &TypeMeta{Kind:,APIVersion:,}",
    ],
    [
      "a runtime endpoint nothing serves",
      GOOD,
      [...ARGS.slice(0, 2), "--container-runtime-endpoint=unix:///var/run/cri-dockerd.sock"],
      'failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint "unix:///var/run/cri-dockerd.sock": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /var/run/cri-dockerd.sock: connect: no such file or directory"',
    ],
  ])("exits 1 on %s", (_, config, args, message) => {
    const o = run(config, args);
    expect(o.ok).toBe(false);
    expect(!o.ok && o.status).toBe(1);
    expect(error(o)).toBe(message);
  });

  it("exits when containerd is down, after reading its config", () => {
    const o = run(GOOD, ARGS, false);
    expect(error(o)).toMatch(/^failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint "unix:\/\/\/var\/run\/containerd\/containerd.sock"/);
    expect(o.lines.map((l) => l.text)).toContain('"Kubelet version" kubeletVersion="v1.35.0"');
  });
});
