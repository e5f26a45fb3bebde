import { describe, expect, it } from "vitest";
import { suiteConnection } from "../testing/database-suite";
import { users } from "../testing/test-db";
import { sqliteWorkspaces } from "./sqlite-repository";

describe("sqliteWorkspaces", () => {
  const connection = suiteConnection("sqlite", (db) => users(db, "alice", "bob"));

  it("finds the connection Prisma opened (else every statement would go through Prisma)", async () => {
    const { db, opened } = connection();
    await db.$connect();
    const sqlite = opened?.();
    expect(sqlite).toBeDefined();
    expect(sqlite!.prepare(`SELECT count(*) FROM "User"`).pluck().safeIntegers(false).get()).toBe(2);
  });

  it("waits for a transaction Prisma holds open across an await, rather than being undone with it", async () => {
    const { db, opened } = connection();
    const repo = sqliteWorkspaces(db, opened!);
    const mine = await repo.insert("alice", "lesson:mine", { shell: 0 });
    const theirs = await repo.insert("bob", "lesson:theirs", { shell: 0 });
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const undone = db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Workspace" SET "version" = 100 WHERE "id" = ${theirs.id}`;
        entered();
        await released;
        throw new Error("undone");
      })
      .catch((e: Error) => e.message);
    await inside;
    const saved = repo.saveShellAndFiles!("alice", mine.id, 0, JSON.stringify("typed meanwhile"), { controlplane: JSON.stringify({ note: "written meanwhile" }) });
    const read = repo.version!("bob", theirs.id);
    release();
    expect(await undone).toBe("undone");
    expect(await saved).toBe(1);
    // read after the transaction ended: never its uncommitted write
    expect(await read).toBe(0);
    expect((await repo.load("alice", "lesson:mine"))?.snapshot).toEqual({ shell: "typed meanwhile", hosts: { controlplane: { note: "written meanwhile" } } });
  });
});
