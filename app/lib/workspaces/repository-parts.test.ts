import { describe, expect, it } from "vitest";
import { suiteConnection } from "../testing/database-suite";
import { users } from "../testing/test-db";
import { REPOSITORIES } from "../testing/workspace-repositories";

// The writes the workspace service uses on each database: whole snapshots as JSON text,
// and the shell alone or with some hosts' file systems.

/** Values JSON text could bend on the way through the database's own JSON functions. */
const AWKWARD = { quote: 'say "hi"\\n', unicode: "쿠버네티스 ☸", float: 0.1, big: 1769508003158, empty: {}, list: [[], null, false] };

describe.each(REPOSITORIES)("%s: saves", (_, provider, make) => {
  const connection = suiteConnection(provider, (db) => users(db, "alice", "bob"));

  it("replaces the snapshot's shell, keeps the rest and the save time, and moves the version on", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:parts", { clusters: AWKWARD, shell: { history: ["ls"] } });
    await new Promise((r) => setTimeout(r, 20));
    expect(await repo.saveShellAndFiles?.("alice", row.id, 0, JSON.stringify({ history: ["ls", "kubectl get pods"], note: AWKWARD }), {})).toBe(1);
    const back = await repo.load("alice", "lesson:parts");
    expect(back).toMatchObject({ version: 1, savedAt: row.savedAt });
    expect(back?.snapshot).toEqual({ clusters: AWKWARD, shell: { history: ["ls", "kubectl get pods"], note: AWKWARD } });
  });

  it("replaces the file systems of the hosts named, keeps the others' and the save time", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:files", { clusters: 1, hosts: { controlplane: { n: 1 }, node01: { n: 1 } }, shell: 0 });
    await new Promise((r) => setTimeout(r, 20));
    expect(await repo.saveShellAndFiles?.("alice", row.id, 0, "1", { node01: JSON.stringify(AWKWARD) })).toBe(1);
    expect(await repo.saveShellAndFiles?.("alice", row.id, 1, "2", { node01: JSON.stringify({ n: 3 }), controlplane: JSON.stringify({ n: 2 }) })).toBe(2);
    let back = await repo.load("alice", "lesson:files");
    expect(back).toMatchObject({ version: 2, savedAt: row.savedAt });
    expect(back?.snapshot).toEqual({ clusters: 1, hosts: { controlplane: { n: 2 }, node01: { n: 3 } }, shell: 2 });
    expect(await repo.saveShellAndFiles?.("alice", row.id, 2, "3", { node01: JSON.stringify(AWKWARD) })).toBe(3);
    back = await repo.load("alice", "lesson:files");
    expect(back?.snapshot).toEqual({ clusters: 1, hosts: { controlplane: { n: 2 }, node01: AWKWARD }, shell: 3 });
  });

  it("takes the whole snapshot's own file systems after a whole save that follows a save of files", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:files-then-whole", { hosts: { controlplane: { n: 1 } }, shell: 0 });
    expect(await repo.saveShellAndFiles?.("alice", row.id, 0, "1", { controlplane: JSON.stringify({ n: 2 }) })).toBe(1);
    expect(await repo.save("alice", row.id, 1, JSON.stringify({ hosts: { controlplane: { n: 3 } }, shell: 2 }))).toBe(2);
    expect((await repo.load("alice", "lesson:files-then-whole"))?.snapshot).toEqual({ hosts: { controlplane: { n: 3 } }, shell: 2 });
  });

  it("writes no file system with a refused save", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:files-refused", { hosts: { controlplane: { n: 1 } }, shell: 0 });
    expect(await repo.saveShellAndFiles?.("alice", row.id, 5, "1", { controlplane: JSON.stringify({ n: 2 }) })).toBe("conflict");
    expect(await repo.saveShellAndFiles?.("bob", row.id, 0, "1", { controlplane: JSON.stringify({ n: 2 }) })).toBe("conflict");
    expect((await repo.load("alice", "lesson:files-refused"))?.snapshot).toEqual({ hosts: { controlplane: { n: 1 } }, shell: 0 });
  });

  it("saves a whole snapshot from its JSON text, read back as the same value, and moves the save time on", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:whole", { shell: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(await repo.save("alice", row.id, 0, JSON.stringify({ clusters: AWKWARD, shell: 2 }))).toBe(1);
    const back = await repo.load("alice", "lesson:whole");
    expect(back?.snapshot).toEqual({ clusters: AWKWARD, shell: 2 });
    expect(back?.savedAt).toBeGreaterThan(row.savedAt);
    expect(back?.savedAt).toBeLessThanOrEqual(Date.now());
  });

  it("takes the whole snapshot's own shell after a whole save that follows a shell save", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:order", { clusters: 1, shell: { history: [] } });
    expect(await repo.saveShellAndFiles?.("alice", row.id, 0, JSON.stringify({ history: ["ls"] }), {})).toBe(1);
    expect((await repo.load("alice", "lesson:order"))?.snapshot).toEqual({ clusters: 1, shell: { history: ["ls"] } });
    expect(await repo.save("alice", row.id, 1, JSON.stringify({ clusters: 2, shell: { history: ["ls", "pwd"] } }))).toBe(2);
    expect((await repo.load("alice", "lesson:order"))?.snapshot).toEqual({ clusters: 2, shell: { history: ["ls", "pwd"] } });
  });

  it("refuses a partial save over another version or by another owner", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:refused", { shell: 1 });
    expect(await repo.save("alice", row.id, 0, JSON.stringify({ shell: 2 }))).toBe(1);
    expect(await repo.saveShellAndFiles?.("alice", row.id, 0, "3", {})).toBe("conflict");
    expect(await repo.saveShellAndFiles?.("bob", row.id, 1, "3", { node01: "{}" })).toBe("conflict");
    expect((await repo.load("alice", "lesson:refused"))?.snapshot).toEqual({ shell: 2 });
  });

  it("tells the saved version to its owner only", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:version", {});
    await repo.save("alice", row.id, 0, JSON.stringify({ n: 1 }));
    expect(await repo.version?.("alice", row.id)).toBe(1);
    expect(await repo.version?.("bob", row.id)).toBeUndefined();
  });
});
