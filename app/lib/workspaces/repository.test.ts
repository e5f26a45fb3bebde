import { describe, expect, it } from "vitest";
import { suiteConnection } from "../testing/database-suite";
import { users } from "../testing/test-db";
import { REPOSITORIES } from "../testing/workspace-repositories";

describe.each(REPOSITORIES)("%s", (_, provider, make) => {
  const connection = suiteConnection(provider, (db) => users(db, "alice", "bob"));

  it("stores, versions and scopes every access by owner", async () => {
    const repo = make(connection());
    const row = await repo.insert("alice", "lesson:a", { n: 1 });
    expect(row.version).toBe(0);
    expect(await repo.save("alice", row.id, 0, JSON.stringify({ n: 2 }))).toBe(1);
    expect(await repo.save("alice", row.id, 0, JSON.stringify({ n: 3 }))).toBe("conflict");
    // bob knowing alice's workspace id changes nothing
    expect(await repo.save("bob", row.id, 1, JSON.stringify({ stolen: true }))).toBe("conflict");
    expect(await repo.load("bob", "lesson:a")).toBeUndefined();
    expect(await repo.load("alice", "lesson:a")).toMatchObject({ id: row.id, snapshot: { n: 2 }, version: 1 });
    await repo.remove("bob", "lesson:a");
    expect(await repo.load("alice", "lesson:a")).toBeDefined();
    await repo.remove("alice", "lesson:a");
    expect(await repo.load("alice", "lesson:a")).toBeUndefined();
  });
});
