/**
 * The BusyBox an image carries: docker-library busybox links every applet of its
 * defconfig build into /bin (`busybox --install /bin`), its banner names the tagged
 * release and the tarball's date, and Alpine's build leaves httpd to busybox-extras.
 */
import { describe, expect, it } from "vitest";
import { T0, running } from "../../test-support";

function run(image: string, argv: readonly string[]) {
  return running({ image, command: ["sleep", "3600"] }).exec("c", argv, "", T0 + 1000);
}

describe("the applets of busybox:1.36", () => {
  it("ls /bin lists the applet links (kubectl exec bb -- ls /bin)", () => {
    const r = run("busybox:1.36", ["ls", "/bin"]);
    const names = r.stdout.split("\n").filter(Boolean);
    expect(names.slice(0, 6)).toEqual(["[", "[[", "acpid", "add-shell", "addgroup", "adduser"]);
    expect(names).toEqual(expect.arrayContaining(["awk", "busybox", "getconf", "httpd", "nc", "nslookup", "sed", "top", "vi", "wget"]));
    expect(names).not.toContain("bash");
    expect(names).toHaveLength(405);
  });

  it.each([
    ["sed", "/bin/sed"],
    ["awk", "/bin/awk"],
    ["httpd", "/bin/httpd"],
    // PATH has /usr/bin before /bin, and the image links env there too
    ["env", "/usr/bin/env"],
  ])("command -v %s is %s", (name, path) => {
    expect(run("busybox:1.36", ["sh", "-c", `command -v ${name}`]).stdout).toBe(`${path}\n`);
  });

  it("runs /usr/bin/env, the one link outside /bin", () => {
    expect(run("busybox:1.36", ["/usr/bin/env", "sh", "-c", "echo via env"]).stdout).toBe("via env\n");
  });

  it("an applet the image links but the simulator lacks says so as BusyBox does for a missing applet", () => {
    expect(run("busybox:1.36", ["sh", "-c", "vi /etc/passwd"])).toEqual({ stdout: "", stderr: "vi: applet not found\n", exitCode: 127 });
  });

  it("busybox APPLET runs the applet; an unknown one is not found", () => {
    expect(run("busybox:1.36", ["busybox", "echo", "hi"])).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
    expect(run("busybox:1.36", ["busybox", "nope"])).toEqual({ stdout: "", stderr: "nope: applet not found\n", exitCode: 127 });
  });

  it("busybox alone prints its help and the applets, wrapped under 80 columns, on stdout", () => {
    const r = run("busybox:1.36", ["busybox"]);
    expect(r.stdout.startsWith("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\n")).toBe(true);
    expect(r.stdout).toContain("Currently defined functions:\n\t[, [[, acpid, add-shell, addgroup, adduser, adjtimex, ar, arch, arp,\n\tarping, ascii, ash, awk, base32, base64, basename, bc, beep,\n");
    expect(Math.max(...r.stdout.split("\n").map((l) => l.replace("\t", "      ").length))).toBeLessThan(80);
  });

  it("busybox --list prints one applet a line", () => {
    expect(run("busybox:1.36", ["sh", "-c", "busybox --list | wc -l"]).stdout).toBe("403\n");
  });
});

describe("the banner names the image's BusyBox", () => {
  it.each([
    ["busybox:1.36", "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary."],
    ["busybox:1.37", "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary."],
    ["busybox:1.28", "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary."],
    ["alpine:3.20", "BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary."],
    ["alpine:3.21", "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary."],
  ])("%s: %s", (image, line) => {
    for (const argv of [["sleep"], ["wget"], ["nslookup"], ["sed"], ["awk"], ["grep"], ["head", "-x"]]) {
      expect(run(image, argv).stderr).toContain(`${line}\n\nUsage: `);
    }
  });
});

describe("Alpine's BusyBox", () => {
  it("has no httpd (Alpine ships it in busybox-extras)", () => {
    expect(run("alpine:3.21", ["sh", "-c", "httpd -p 8080"])).toEqual({ stdout: "", stderr: "sh: httpd: not found\n", exitCode: 127 });
  });

  it("has sed, awk and nc", () => {
    expect(run("alpine:3.21", ["sh", "-c", "echo a b | awk '{print $2}' | sed s/b/B/; command -v nc >/dev/null && echo nc"]).stdout).toBe("B\nnc\n");
  });
});

describe("top and hostname", () => {
  it("top -b -n 1 prints one screen: memory, CPU, load, then its processes", () => {
    const r = running({ image: "busybox:1.36", command: ["sleep", "3600"] }).exec("c", ["top", "-b", "-n", "1"], "", T0 + 1000);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^Mem: \d+K used, \d+K free, 0K shrd, 0K buff, 0K cached$/);
    expect(lines.slice(1)).toEqual([
      "CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq",
      "Load average: 0.00 0.00 0.00 1/2 7",
      "  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND",
      "    1     0 root     S     1332   0%   0   0% sleep 3600",
      "    7     1 root     R     1332   0%   0   0% top -b -n 1",
      "",
    ]);
  });

  it("top without -n keeps showing until it is interrupted", () => {
    const r = run("busybox:1.36", ["top", "-b"]);
    expect(r.exitCode).toBe(137);
    expect(r.stdout.startsWith("Mem: ")).toBe(true);
  });

  it("hostname -i prints the pod's address", () => {
    expect(run("busybox:1.36", ["hostname", "-i"]).stdout).toBe("10.244.1.5\n");
  });
});
