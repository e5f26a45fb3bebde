import { describe, expect, it } from "vitest";
import { Vfs } from "../shell/vfs";
import { badSetting, expandCommand, parseEnvFile, parseUnit, splitQuoted, unitSources } from "./unit-file";
import { KUBEADM_DROP_IN, KUBEADM_DROP_IN_PATH, KUBELET_UNIT } from "./unit-files";

const kubelet = (): [string, string][] => [
  ["/usr/lib/systemd/system/kubelet.service", KUBELET_UNIT],
  [KUBEADM_DROP_IN_PATH, KUBEADM_DROP_IN],
];

describe("parseUnit", () => {
  it("merges the kubeadm drop-in over the package's unit: ExecStart= empty clears the list", () => {
    const c = parseUnit(kubelet());
    expect(c.description).toBe("kubelet: The Kubernetes Node Agent");
    expect(c.execStart).toEqual(["/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS"]);
    expect(c.environment).toEqual([
      ["KUBELET_KUBECONFIG_ARGS", "--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"],
      ["KUBELET_CONFIG_ARGS", "--config=/var/lib/kubelet/config.yaml"],
    ]);
    expect(c.environmentFiles).toEqual([
      { path: "/var/lib/kubelet/kubeadm-flags.env", optional: true },
      { path: "/etc/default/kubelet", optional: true },
    ]);
    expect([c.restart, c.restartSecMs]).toEqual(["always", 10_000]);
    expect(badSetting(c)).toBeUndefined();
  });

  it("refuses a second ExecStart= for a simple service, as a drop-in without the reset line gives", () => {
    const c = parseUnit([kubelet()[0], [KUBEADM_DROP_IN_PATH, KUBEADM_DROP_IN.replace("ExecStart=\n", "")]]);
    expect(badSetting(c)).toBe("Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.");
  });

  it("joins lines continued with a backslash and skips comments", () => {
    const c = parseUnit([["/x.service", "[Service]\n# ExecStart=/bin/false\nExecStart=/usr/bin/kubelet \\\n  --v=2\n"]]);
    expect(c.execStart).toEqual(["/usr/bin/kubelet  --v=2"]);
  });
});

describe("expandCommand", () => {
  const env = new Map([
    ["ARGS", "--a=1  --b=2"],
    ["EMPTY", ""],
  ]);

  it.each([
    ["$ARGS alone splits into words", "/usr/bin/kubelet $ARGS", ["/usr/bin/kubelet", "--a=1", "--b=2"], []],
    ["${ARGS} keeps one word", "/usr/bin/kubelet x${ARGS}", ["/usr/bin/kubelet", "x--a=1  --b=2"], []],
    ["an empty $VAR vanishes", "/usr/bin/kubelet $EMPTY --v=2", ["/usr/bin/kubelet", "--v=2"], []],
    ["an unset one too, and is reported", "/usr/bin/kubelet $NOPE", ["/usr/bin/kubelet"], ["NOPE"]],
    ["prefixes are not part of the path", "-/sbin/modprobe overlay", ["/sbin/modprobe", "overlay"], []],
  ])("%s", (_, line, argv, unset) => {
    expect(expandCommand(line, env)).toEqual({ argv, unset });
  });
});

describe("environment files and quoting", () => {
  it("reads KEY=value lines, quoted or not, skipping comments", () => {
    expect(parseEnvFile('# comment\nKUBELET_KUBEADM_ARGS="--a=1 --b=2"\nKUBELET_EXTRA_ARGS=\n; other\n')).toEqual([
      ["KUBELET_KUBEADM_ARGS", "--a=1 --b=2"],
      ["KUBELET_EXTRA_ARGS", ""],
    ]);
  });

  it("splits Environment= values on spaces outside quotes", () => {
    expect(splitQuoted('"A=b c" D=e \'F=g h\'')).toEqual(["A=b c", "D=e", "F=g h"]);
  });
});

describe("unitSources", () => {
  it("prefers /etc over /usr/lib, and orders drop-ins by name across directories", () => {
    const fs = new Vfs({ entries: {} });
    fs.mkdir("/usr/lib/systemd/system/kubelet.service.d", { parents: true });
    fs.mkdir("/etc/systemd/system/kubelet.service.d", { parents: true });
    fs.writeFile("/usr/lib/systemd/system/kubelet.service", KUBELET_UNIT);
    fs.writeFile(KUBEADM_DROP_IN_PATH, KUBEADM_DROP_IN);
    fs.writeFile("/etc/systemd/system/kubelet.service.d/05-first.conf", "[Service]\n");
    fs.writeFile("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", "[Service]\n");
    fs.writeFile("/etc/systemd/system/kubelet.service.d/notes.txt", "not a drop-in");
    expect(unitSources(fs, "kubelet.service")).toEqual({
      fragment: "/usr/lib/systemd/system/kubelet.service",
      dropIns: ["/etc/systemd/system/kubelet.service.d/05-first.conf", "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf"],
    });
    fs.writeFile("/etc/systemd/system/kubelet.service", KUBELET_UNIT);
    expect(unitSources(fs, "kubelet.service").fragment).toBe("/etc/systemd/system/kubelet.service");
  });
});
