import { describe, expect, it } from "vitest";
import { expectGolden, onHost as on, TEST_START, testWorkspace, type Transcript } from "../../testing";
import { Workspace } from "../../workspace";

const node = (ws: Workspace, text: string) => on(ws, "node01", text);

const DROP_IN = "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf";

describe("systemctl status", () => {
  it.each([
    ["status-running.txt", ""],
    ["status-stopped.txt", "systemctl stop kubelet; sleep 5"],
    ["status-auto-restart.txt", `sed -i 's#ExecStart=/usr/bin/kubelet #ExecStart=/usr/local/bin/kubelet #' ${DROP_IN}; systemctl daemon-reload; systemctl restart kubelet; sleep 25`],
    ["status-config-missing.txt", "rm /var/lib/kubelet/config.yaml; systemctl restart kubelet; sleep 3"],
    ["status-failed.txt", `printf '[Service]\\nRestart=no\\n' > ${DROP_IN.replace("10-kubeadm", "20-no-restart")}; echo 'maxPods: -1' >> /var/lib/kubelet/config.yaml; systemctl daemon-reload; systemctl restart kubelet; sleep 3`],
    ["status-masked.txt", "systemctl stop kubelet; systemctl mask kubelet 2>/dev/null; sleep 2"],
    ["status-bad-setting.txt", `sed -i '/^ExecStart=$/d' ${DROP_IN}; systemctl daemon-reload`],
  ])("%s", async (golden, setup) => {
    const ws = testWorkspace();
    if (setup) expect((await node(ws, setup)).stderr).toBe("");
    const out = await node(ws, "systemctl status kubelet");
    await expectGolden(golden, `${out.stdout}${out.stderr}[exit ${out.status}]\n`);
  });

  it("shows containerd with its ExecStartPre", async () => {
    const out = await node(testWorkspace(), "systemctl status containerd --no-pager -n 0");
    await expectGolden("status-containerd.txt", out.stdout);
  });

  it("exits 3 for a unit that is not active and 4 for one that does not exist", async () => {
    const ws = testWorkspace();
    await node(ws, "systemctl stop kubelet");
    expect((await node(ws, "systemctl status kubelet >/dev/null")).status).toBe(3);
    expect(await node(ws, "systemctl status foo")).toEqual({ stdout: "", stderr: "Unit foo.service could not be found.\n", status: 4 });
  });
});

describe("systemctl verbs", () => {
  it.each([
    ["is-active kubelet", "active\n", "", 0],
    ["is-active --quiet kubelet", "", "", 0],
    ["is-active foo", "inactive\n", "", 3],
    ["is-enabled kubelet", "enabled\n", "", 0],
    ["is-enabled foo", "", "Failed to get unit file state for foo.service: No such file or directory\n", 1],
    ["is-failed kubelet", "active\n", "", 1],
    ["enable kubelet", "", "", 0],
    ["start kubelet", "", "", 0],
    ["start foo", "", "Failed to start foo.service: Unit foo.service not found.\n", 5],
    ["stop foo", "", "Failed to stop foo.service: Unit foo.service not loaded.\n", 5],
    ["restart foo.service", "", "Failed to restart foo.service: Unit foo.service not found.\n", 5],
    ["enable foo", "", "Failed to enable unit: Unit file foo.service does not exist.\n", 1],
    ["reload kubelet", "", "Failed to reload kubelet.service: Job type reload is not applicable for unit kubelet.service.\n", 1],
    ["frobnicate kubelet", "", "Unknown command verb 'frobnicate'.\n", 1],
    ["daemon-reload", "", "", 0],
    ["is-active", "", "Too few arguments.\n", 1],
  ])("systemctl %s", async (args, stdout, stderr, status) => {
    expect(await node(testWorkspace(), `systemctl ${args}`)).toEqual({ stdout, stderr, status });
  });

  it("disables and enables through the link in multi-user.target.wants", async () => {
    const ws = testWorkspace();
    const link = "/etc/systemd/system/multi-user.target.wants/kubelet.service";
    expect(await node(ws, "systemctl disable kubelet")).toEqual({ stdout: "", stderr: `Removed "${link}".\n`, status: 0 });
    expect(await node(ws, `systemctl is-enabled kubelet; ls ${link}`)).toEqual({ stdout: "disabled\n", stderr: `ls: cannot access '${link}': No such file or directory\n`, status: 2 });
    expect(await node(ws, "systemctl is-active kubelet")).toEqual({ stdout: "active\n", stderr: "", status: 0 });
    expect(await node(ws, "systemctl enable --now kubelet")).toEqual({ stdout: "", stderr: `Created symlink ${link} → /usr/lib/systemd/system/kubelet.service.\n`, status: 0 });
    expect((await node(ws, "systemctl is-enabled kubelet")).stdout).toBe("enabled\n");
  });

  it("refuses to start a masked unit until it is unmasked", async () => {
    const ws = testWorkspace();
    await node(ws, "systemctl stop kubelet");
    expect(await node(ws, "systemctl mask kubelet")).toEqual({ stdout: "", stderr: "Created symlink /etc/systemd/system/kubelet.service → /dev/null.\n", status: 0 });
    expect(await node(ws, "systemctl start kubelet")).toEqual({ stdout: "", stderr: "Failed to start kubelet.service: Unit kubelet.service is masked.\n", status: 1 });
    expect((await node(ws, "systemctl is-enabled kubelet")).stdout).toBe("masked\n");
    expect(await node(ws, "systemctl unmask kubelet")).toEqual({ stdout: "", stderr: 'Removed "/etc/systemd/system/kubelet.service".\n', status: 0 });
    expect(await node(ws, "systemctl start kubelet; systemctl is-active kubelet")).toEqual({ stdout: "active\n", stderr: "", status: 0 });
  });

  it("runs the unit as loaded until daemon-reload, warning that its files changed", async () => {
    const ws = testWorkspace();
    await node(ws, `sed -i 's#ExecStart=/usr/bin/kubelet #ExecStart=/opt/kubelet #' ${DROP_IN}`);
    const warning = "Warning: The unit file, source configuration file or drop-ins of kubelet.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n";
    expect(await node(ws, "systemctl restart kubelet")).toEqual({ stdout: "", stderr: warning, status: 0 });
    expect((await node(ws, "sleep 2; systemctl is-active kubelet")).stdout).toBe("active\n");
    expect((await node(ws, "systemctl cat kubelet")).stderr).toMatch(/^# Warning: kubelet.service changed on disk, the version systemd has loaded is outdated\.\n/);
    expect(await node(ws, "systemctl daemon-reload; systemctl restart kubelet")).toEqual({ stdout: "", stderr: "", status: 0 });
    expect((await node(ws, "sleep 2; systemctl is-active kubelet")).stdout).toBe("activating\n");
  });

  it("refuses a unit file with two ExecStart= lines", async () => {
    const ws = testWorkspace();
    await node(ws, `sed -i '/^ExecStart=$/d' ${DROP_IN}; systemctl daemon-reload`);
    expect(await node(ws, "systemctl restart kubelet")).toEqual({
      stdout: "",
      stderr: "Failed to restart kubelet.service: Unit kubelet.service has a bad unit file setting.\nSee system logs and 'systemctl status kubelet.service' for details.\n",
      status: 1,
    });
    expect((await node(ws, "journalctl -u kubelet -n 1")).stdout).toMatch(/systemd\[1\]: kubelet.service: Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services\. Refusing\.\n$/);
  });

  it("prints the unit's files with cat, and lists units", async () => {
    const ws = testWorkspace();
    const cat = await node(ws, "systemctl cat kubelet");
    expect(cat.stdout).toMatch(/^# \/usr\/lib\/systemd\/system\/kubelet.service\n\[Unit\]\n[\s\S]*\n\n# \/usr\/lib\/systemd\/system\/kubelet.service.d\/10-kubeadm.conf\n# Note: This dropin only works with kubeadm and kubelet v1.11\+\n/);
    await node(ws, "systemctl stop kubelet");
    await expectGolden("list-units.txt", (await node(ws, "systemctl list-units; systemctl list-units --all; systemctl list-unit-files")).stdout);
  });

  it("says so on a host that was not booted with systemd", async () => {
    const ws = Workspace.create({ startTime: TEST_START, seed: 1, baseHost: "jump" });
    expect(await on(ws, "jump", "systemctl status kubelet")).toEqual({
      stdout: "",
      stderr: "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n",
      status: 1,
    });
  });
});
