import { describe, expect, it } from "vitest";
import { Vfs } from "../../shell/vfs";
import { ContainerFs } from "./container-fs";

function image(): Vfs {
  return new Vfs({
    entries: {
      "/": { type: "dir", mode: 0o755, mtime: 0 },
      "/etc": { type: "dir", mode: 0o755, mtime: 0 },
      "/etc/os-release": { type: "file", mode: 0o644, mtime: 0, content: "ID=debian\n" },
      "/usr": { type: "dir", mode: 0o755, mtime: 0 },
      "/usr/share": { type: "dir", mode: 0o755, mtime: 0 },
      "/usr/share/html": { type: "dir", mode: 0o755, mtime: 0 },
      "/usr/share/html/index.html": { type: "file", mode: 0o644, mtime: 0, content: "welcome\n" },
      "/usr/share/html/50x.html": { type: "file", mode: 0o644, mtime: 0, content: "error\n" },
    },
  });
}

function setup() {
  const lower = image();
  const upper = new Vfs({ entries: {} });
  const volume = new Vfs({ entries: { "/": { type: "dir", mode: 0o777, mtime: 0 } } });
  const fs = new ContainerFs(lower, upper, new Set(), [{ path: "/data", vfs: volume, readOnly: false }, { path: "/etc/conf", vfs: volume, readOnly: true }]);
  return { lower, upper, volume, fs };
}

describe("the container's overlay", () => {
  it("reads the image, writes only to its own layer", () => {
    const { lower, upper, fs } = setup();
    expect(fs.read("/etc/os-release")).toBe("ID=debian\n");
    expect(fs.write("/etc/os-release", "ID=changed\n", false)).toBeUndefined();
    expect(fs.read("/etc/os-release")).toBe("ID=changed\n");
    expect(lower.readFile("/etc/os-release")).toBe("ID=debian\n");
    expect(upper.readFile("/etc/os-release")).toBe("ID=changed\n");
  });

  it("appending to an image file copies it up first", () => {
    const { fs } = setup();
    fs.write("/usr/share/html/index.html", "more\n", true);
    expect(fs.read("/usr/share/html/index.html")).toBe("welcome\nmore\n");
  });

  it("a deleted image file stays deleted (whiteout); a recreated directory starts empty", () => {
    const { fs } = setup();
    expect(fs.remove("/usr/share/html/index.html", false)).toBeUndefined();
    expect(fs.stat("/usr/share/html/index.html")).toBeUndefined();
    expect(fs.readdir("/usr/share/html")).toEqual(["50x.html"]);
    fs.remove("/usr/share/html", true);
    expect(fs.mkdir("/usr/share/html", false)).toBeUndefined();
    expect(fs.readdir("/usr/share/html")).toEqual([]);
  });

  it.each([
    ["writing under a missing directory", (fs: ContainerFs) => fs.write("/nope/f", "x", false), "ENOENT"],
    ["removing a directory without -r", (fs: ContainerFs) => fs.remove("/etc", false), "EISDIR"],
    ["mkdir of an existing directory", (fs: ContainerFs) => fs.mkdir("/etc", false), "EEXIST"],
    ["writing into a read-only mount", (fs: ContainerFs) => fs.write("/etc/conf/x", "x", false), "EROFS"],
  ])("%s fails with %s", (_name, op, code) => {
    expect(op(setup().fs)?.code).toBe(code);
  });

  it("mounts show up in their parent directory and share their volume", () => {
    const { fs, volume } = setup();
    fs.write("/data/out.log", "line\n", true);
    expect(volume.readFile("/out.log")).toBe("line\n");
    expect(fs.read("/etc/conf/out.log")).toBe("line\n");
    expect(fs.readdir("/")).toEqual(["data", "etc", "usr"]);
  });

  it("a subPath mount shows one file of the volume at the mount path", () => {
    const volume = new Vfs({ entries: { "/": { type: "dir", mode: 0o777, mtime: 0 }, "/nginx.conf": { type: "file", mode: 0o644, mtime: 0, content: "events {}\n" } } });
    const fs = new ContainerFs(image(), new Vfs({ entries: {} }), new Set(), [{ path: "/etc/nginx/nginx.conf", vfs: volume, readOnly: true, subPath: "nginx.conf" }]);
    expect(fs.read("/etc/nginx/nginx.conf")).toBe("events {}\n");
  });
});
