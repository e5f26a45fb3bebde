import { describe, expect, it } from "vitest";
import { suiteDatabase, TEST_PROVIDERS } from "../testing/database-suite";
import { users } from "../testing/test-db";
import { prismaWorkspaces } from "./repository";

// The writes the workspace service uses to save less than a whole snapshot, on each database.

/** Values JSON text could bend on the way through the database's own JSON functions. */
const AWKWARD = { quote: 'say "hi"\\n', unicode: "쿠버네티스 ☸", float: 0.1, big: 1769508003158, empty: {}, list: [[], null, false] };

describe.each(TEST_PROVIDERS)("prismaWorkspaces' partial saves on %s", (provider) => {
  const database = suiteDatabase(provider, (db) => users(db, "alice", "bob"));

  it("replaces one field of the snapshot, keeps the rest and the save time, and moves the version on", async () => {
    const repo = prismaWorkspaces(database(), provider);
    const row = await repo.insert("alice", "lesson:parts", { clusters: AWKWARD, shell: { history: ["ls"] } });
    await new Promise((r) => setTimeout(r, 20));
    expect(await repo.savePart?.("alice", row.id, 0, "shell", { history: ["ls", "kubectl get pods"], note: AWKWARD })).toBe(1);
    const back = await repo.load("alice", "lesson:parts");
    expect(back).toMatchObject({ version: 1, savedAt: row.savedAt });
    expect(back?.snapshot).toEqual({ clusters: AWKWARD, shell: { history: ["ls", "kubectl get pods"], note: AWKWARD } });
  });

  it("refuses a partial save over another version or by another owner", async () => {
    const repo = prismaWorkspaces(database(), provider);
    const row = await repo.insert("alice", "lesson:refused", { shell: 1 });
    expect(await repo.save("alice", row.id, 0, { shell: 2 })).toBe(1);
    expect(await repo.savePart?.("alice", row.id, 0, "shell", 3)).toBe("conflict");
    expect(await repo.savePart?.("bob", row.id, 1, "shell", 3)).toBe("conflict");
    expect((await repo.load("alice", "lesson:refused"))?.snapshot).toEqual({ shell: 2 });
  });

  it("tells the saved version to its owner only", async () => {
    const repo = prismaWorkspaces(database(), provider);
    const row = await repo.insert("alice", "lesson:version", {});
    await repo.save("alice", row.id, 0, { n: 1 });
    expect(await repo.version?.("alice", row.id)).toBe(1);
    expect(await repo.version?.("bob", row.id)).toBeUndefined();
  });
});
