import { describe, expect, it } from "vitest";
import { Vfs, newHostFs, type VfsState } from "./vfs";
import { basename, dirname, normalizePath, resolvePath, utf8Length } from "./vfs-path";

function fresh(capacity?: number): Vfs {
  let t = 1000;
  return new Vfs(newHostFs("node01", 0), () => t++, capacity);
}

describe("path arithmetic", () => {
  it.each([
    ["/root", "a/b", "/root/a/b"],
    ["/root", "../etc/./hostname", "/etc/hostname"],
    ["/root", "/x//y/", "/x/y"],
    ["/", "..", "/"],
    ["/tmp", "~", "/root"],
    ["/tmp", "~/.bashrc", "/root/.bashrc"],
    ["/tmp", ".", "/tmp"],
  ])("resolve(%s, %s) = %s", (cwd, path, want) => {
    expect(resolvePath(cwd, path)).toBe(want);
    expect(fresh().resolve(cwd, path)).toBe(want);
  });

  it("splits names", () => {
    expect(dirname("/a/b")).toBe("/a");
    expect(dirname("/a")).toBe("/");
    expect(basename("/a/b/")).toBe("b");
    expect(basename("/")).toBe("/");
    expect(normalizePath("/a/../../b")).toBe("/b");
    expect(utf8Length("héllo€😀")).toBe(1 + 2 + 3 + 3 + 4);
  });
});

describe("default host tree", () => {
  it("has root's home, kubelet folders and a CKA .bashrc", () => {
    const fs = fresh();
    for (const dir of ["/root", "/tmp", "/etc/kubernetes/manifests", "/var/log"]) expect(fs.stat(dir)?.type).toBe("dir");
    expect(fs.readFile("/etc/hostname")).toBe("node01\n");
    expect(fs.readFile("/root/.bashrc")).toContain("alias k=kubectl");
    expect(fs.stat("/tmp")?.mode).toBe(0o1777);
  });

  it("survives a JSON round trip", () => {
    const fs = fresh();
    fs.writeFile("/tmp/x", "data");
    fs.chmod("/tmp/x", 0o600);
    const state = JSON.parse(JSON.stringify(fs.toState())) as VfsState;
    const back = new Vfs(state);
    expect(back.readFile("/tmp/x")).toBe("data");
    expect(back.stat("/tmp/x")?.mode).toBe(0o600);
    expect(back.usedBytes()).toBe(fs.usedBytes());
  });
});

describe("files", () => {
  it("writes, appends, stats and lists", () => {
    const fs = fresh();
    expect(fs.writeFile("/tmp/a", "hé")).toBeUndefined();
    expect(fs.appendFile("/tmp/a", "!\n")).toBeUndefined();
    expect(fs.readFile("/tmp/a")).toBe("hé!\n");
    expect(fs.stat("/tmp/a")).toMatchObject({ type: "file", size: 5, mode: 0o644 });
    expect(fs.stat("/tmp")).toMatchObject({ type: "dir", size: 4096 });
    fs.writeFile("/tmp/B", "");
    expect(fs.readdir("/tmp")).toEqual(["B", "a"]);
  });

  it("stamps mtimes from the clock it was given", () => {
    const fs = fresh();
    fs.writeFile("/tmp/a", "1");
    const first = fs.stat("/tmp/a")?.mtime ?? 0;
    fs.touch("/tmp/a");
    expect(fs.stat("/tmp/a")?.mtime).toBeGreaterThan(first);
    fs.touch("/tmp/new", 42);
    expect(fs.stat("/tmp/new")?.mtime).toBe(42);
  });

  it.each([
    ["read of a missing file", (fs: Vfs) => fs.read("/nope"), "ENOENT", "No such file or directory"],
    ["read of a directory", (fs: Vfs) => fs.read("/tmp"), "EISDIR", "Is a directory"],
    ["write below a file", (fs: Vfs) => fs.writeFile("/etc/hostname/x", "y"), "ENOTDIR", "Not a directory"],
    ["write into a missing directory", (fs: Vfs) => fs.writeFile("/no/x", "y"), "ENOENT", "No such file or directory"],
    ["write over a directory", (fs: Vfs) => fs.writeFile("/tmp", "y"), "EISDIR", "Is a directory"],
    ["mkdir of an existing path", (fs: Vfs) => fs.mkdir("/tmp"), "EEXIST", "File exists"],
    ["mkdir without parents", (fs: Vfs) => fs.mkdir("/a/b"), "ENOENT", "No such file or directory"],
    ["mkdir -p over a file", (fs: Vfs) => fs.mkdir("/etc/hostname", { parents: true }), "EEXIST", "File exists"],
    ["remove of a directory", (fs: Vfs) => fs.remove("/tmp"), "EISDIR", "Is a directory"],
    ["remove of a missing path", (fs: Vfs) => fs.remove("/nope"), "ENOENT", "No such file or directory"],
    ["chmod of a missing path", (fs: Vfs) => fs.chmod("/nope", 0o755), "ENOENT", "No such file or directory"],
    ["copy of a directory without recursion", (fs: Vfs) => fs.copy("/etc", "/tmp/etc"), "EISDIR", "Is a directory"],
    ["copy of a directory into itself", (fs: Vfs) => fs.copy("/etc", "/etc/sub", { recursive: true }), "EINVAL", "Invalid argument"],
    ["move of a directory into itself", (fs: Vfs) => fs.move("/etc", "/etc/x"), "EINVAL", "Invalid argument"],
    ["move of a file over a directory", (fs: Vfs) => fs.move("/etc/hostname", "/tmp"), "EISDIR", "Is a directory"],
    ["readdir of a file", (fs: Vfs) => fs.readdir("/etc/hostname"), "ENOTDIR", "Not a directory"],
  ])("%s fails with %s", (_what, op, code, message) => {
    expect(op(fresh())).toMatchObject({ code, message });
  });

  it("treats /dev/null as an empty sink", () => {
    const fs = fresh();
    expect(fs.writeFile("/dev/null", "gone")).toBeUndefined();
    expect(fs.readFile("/dev/null")).toBe("");
  });
});

describe("directories", () => {
  it("creates parents, removes recursively, copies and moves trees", () => {
    const fs = fresh();
    expect(fs.mkdir("/a/b/c", { parents: true })).toBeUndefined();
    fs.writeFile("/a/b/c/f", "x");
    expect(fs.copy("/a", "/copy", { recursive: true })).toBeUndefined();
    expect(fs.readFile("/copy/b/c/f")).toBe("x");
    expect(fs.move("/copy", "/moved")).toBeUndefined();
    expect(fs.stat("/copy")).toBeUndefined();
    expect(fs.readFile("/moved/b/c/f")).toBe("x");
    expect(fs.remove("/a", { recursive: true })).toBeUndefined();
    expect(fs.stat("/a/b")).toBeUndefined();
    expect(fs.readdir("/")).not.toContain("a");
  });
});

describe("capacity", () => {
  it("refuses writes past the cap with ENOSPC and keeps the old content", () => {
    const fs = fresh(1000);
    const used = fs.usedBytes();
    expect(fs.writeFile("/tmp/a", "x".repeat(1000 - used))).toBeUndefined();
    expect(fs.appendFile("/tmp/a", "y")).toMatchObject({ code: "ENOSPC", message: "No space left on device" });
    expect(fs.readFile("/tmp/a")).toHaveLength(1000 - used);
    expect(fs.copy("/tmp/a", "/tmp/b")).toMatchObject({ code: "ENOSPC" });
    fs.remove("/tmp/a");
    expect(fs.usedBytes()).toBe(used);
  });
});

describe("toState", () => {
  it("gives a view that stays the same value until the file system changes, and copies otherwise", () => {
    const fs = new Vfs(newHostFs("node01", 0));
    const view = fs.toState(true);
    expect(fs.toState(true)).toBe(view);
    expect(fs.toState()).not.toBe(view);
    expect(fs.toState()).toEqual(view);
    fs.writeFile("/root/x", "hello\n");
    const next = fs.toState(true);
    expect(next).not.toBe(view);
    expect(next.entries["/root/x"]).toMatchObject({ content: "hello\n" });
    expect(view.entries["/root/x"]).toBeUndefined();
    fs.touch("/root/x", 5_000);
    expect(fs.toState(true).entries["/root/x"]?.mtime).toBe(5_000);
    expect(next.entries["/root/x"]?.mtime).toBe(0);
  });
});
