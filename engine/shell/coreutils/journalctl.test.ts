import { describe, expect, it } from "vitest";
import { onHost as on, TEST_START, testWorkspace, type Transcript } from "../../testing";
import { Workspace } from "../../workspace";

const node = (ws: Workspace, text: string) => on(ws, "node01", text);
const lines = (t: Transcript) => t.stdout.split("\n").filter(Boolean);

describe("journalctl", () => {
  it("shows a unit's entries oldest first, the last N with -n, newest first with -r", async () => {
    const ws = testWorkspace();
    await node(ws, "systemctl stop kubelet");
    const all = lines(await node(ws, "journalctl -u kubelet --no-pager"));
    expect(all[0]).toBe("Jan 20 09:59:56 node01 systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.");
    expect(all[all.length - 1]).toBe("Jan 27 10:00:00 node01 systemd[1]: kubelet.service: Consumed 1h 50min 53.433s CPU time.");
    expect(lines(await node(ws, "journalctl -u kubelet -n 2"))).toEqual(all.slice(-2));
    expect(lines(await node(ws, "journalctl -u kubelet -n2"))).toEqual(all.slice(-2));
    expect(lines(await node(ws, "journalctl --unit=kubelet.service --lines=2 -r"))).toEqual(all.slice(-2).reverse());
  });

  it("shows every unit without -u, and none for a unit with no entries", async () => {
    const ws = testWorkspace();
    const text = (await node(ws, "journalctl")).stdout;
    expect(text).toContain("containerd[413]:");
    expect(text).toContain("kubelet[420]:");
    expect(await node(ws, "journalctl -u foo")).toEqual({ stdout: "-- No entries --\n", stderr: "", status: 0 });
  });

  it("explains systemd's entries with -x, as `journalctl -xeu kubelet` is typed", async () => {
    const ws = testWorkspace();
    await node(ws, "systemctl stop kubelet");
    expect((await node(ws, "journalctl -xeu kubelet")).stdout).toMatch(/Deactivated successfully\.\n░░ Subject: Unit succeeded\n░░ Defined-By: systemd\n░░ Support: http:\/\/www\.ubuntu\.com\/support\n░░\n░░ The unit kubelet\.service has successfully entered the 'dead' state\.\n/);
  });

  it("follows new entries until nothing more comes when no one is at the terminal", async () => {
    const ws = testWorkspace();
    await node(ws, "rm /var/lib/kubelet/config.yaml; systemctl restart kubelet");
    const followed = lines(await node(ws, "journalctl -u kubelet -f"));
    // the last 10 entries at once, then what the failing start wrote in the next second
    expect(followed).toHaveLength(14);
    expect(followed[9]).toMatch(/systemd\[1\]: Started kubelet.service/);
    expect(followed[11]).toMatch(/"command failed" err="failed to load kubelet config file/);
    expect(followed[13]).toMatch(/kubelet.service: Failed with result 'exit-code'\.$/);
  });

  it.each([
    ["-z", "journalctl: invalid option -- 'z'\n"],
    ["--bogus", "journalctl: unrecognized option '--bogus'\n"],
    ["kubelet", "Failed to add match 'kubelet': Invalid argument\n"],
  ])("rejects %s", async (arg, stderr) => {
    expect(await node(testWorkspace(), `journalctl ${arg}`)).toEqual({ stdout: "", stderr, status: 1 });
  });

  it("finds no journal on a host not booted with systemd", async () => {
    const ws = Workspace.create({ startTime: TEST_START, seed: 1, baseHost: "jump" });
    expect(await on(ws, "jump", "journalctl -u kubelet")).toEqual({ stdout: "No journal files were found.\n-- No entries --\n", stderr: "", status: 0 });
  });
});
