import { describe, expect, it } from "vitest";
import { Vfs } from "../shell/vfs";
import { spawnMain } from "./spawn";
import { parseUnit } from "./unit-file";
import { KUBEADM_DROP_IN, KUBEADM_DROP_IN_PATH, KUBEADM_FLAGS, KUBELET_UNIT, PROGRAM_STAND_IN } from "./unit-files";

const CONFIG = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n";

function node(edit: (fs: Vfs) => void = () => undefined): Vfs {
  const fs = new Vfs({ entries: {} });
  for (const dir of ["/usr/bin", "/usr/local/bin", "/var/lib/kubelet", "/etc/default"]) fs.mkdir(dir, { parents: true });
  fs.writeFile("/usr/bin/kubelet", PROGRAM_STAND_IN);
  fs.chmod("/usr/bin/kubelet", 0o755);
  fs.writeFile("/var/lib/kubelet/config.yaml", CONFIG);
  fs.writeFile("/var/lib/kubelet/kubeadm-flags.env", KUBEADM_FLAGS);
  fs.writeFile("/etc/default/kubelet", "KUBELET_EXTRA_ARGS=\n");
  edit(fs);
  return fs;
}

const kubeletUnit = (dropIn = KUBEADM_DROP_IN) =>
  parseUnit([
    ["/usr/lib/systemd/system/kubelet.service", KUBELET_UNIT],
    [KUBEADM_DROP_IN_PATH, dropIn],
  ]);

const spawn = (fs: Vfs, dropIn?: string) => spawnMain("kubelet.service", kubeletUnit(dropIn), { fs, host: "node01", version: "v1.35.0", runtimeUp: true });

describe("spawning the kubelet's main process", () => {
  it("expands the drop-in's variables into the command line", () => {
    const { command, argv, outcome } = spawn(node());
    expect(command).toBe("/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS");
    expect(argv).toEqual([
      "/usr/bin/kubelet",
      "--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf",
      "--kubeconfig=/etc/kubernetes/kubelet.conf",
      "--config=/var/lib/kubelet/config.yaml",
      "--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock",
    ]);
    expect(outcome.ok).toBe(true);
  });

  it.each([
    ["a binary that is not there", (fs: Vfs) => fs.remove("/usr/bin/kubelet"), "No such file or directory"],
    ["a binary that may not be executed", (fs: Vfs) => fs.chmod("/usr/bin/kubelet", 0o644), "Permission denied"],
  ])("fails at exec (203/EXEC) on %s", (_, edit, why) => {
    const { outcome } = spawn(node(edit));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.status).toBe(203);
    expect(outcome.lines.map((l) => `${l.ident}: ${l.text}`)).toEqual([
      `(kubelet): kubelet.service: Failed to locate executable /usr/bin/kubelet: ${why}`,
      `(kubelet): kubelet.service: Failed at step EXEC spawning /usr/bin/kubelet: ${why}`,
    ]);
  });

  it("runs a binary moved elsewhere when ExecStart= follows it", () => {
    const fs = node((f) => f.move("/usr/bin/kubelet", "/usr/local/bin/kubelet"));
    expect(spawn(fs).outcome.ok).toBe(false);
    expect(spawn(fs, KUBEADM_DROP_IN.replace("ExecStart=/usr/bin/kubelet", "ExecStart=/usr/local/bin/kubelet")).outcome.ok).toBe(true);
  });

  it("warns about a variable its environment files no longer set", () => {
    const { outcome } = spawn(node((fs) => fs.remove("/var/lib/kubelet/kubeadm-flags.env")));
    expect(outcome.lines[0]).toEqual({ offsetMs: 0, ident: "(kubelet)", text: "kubelet.service: Referenced but unset environment variable evaluates to an empty string: KUBELET_KUBEADM_ARGS" });
  });
});
