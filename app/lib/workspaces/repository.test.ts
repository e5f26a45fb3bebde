import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "../../../prisma/database-target";
import { PrismaClient } from "../../../prisma/generated/sqlite/client";
import { applyMigrations } from "../../../scripts/db/migrate";
import { prismaWorkspaces } from "./repository";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let tmp: string;
let db: PrismaClient;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "kubelab-ws-"));
  const target = resolveDatabaseTarget(`file:${path.join(tmp, "t.db")}`, tmp);
  await applyMigrations(target, { root });
  db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.url }) });
  await db.user.createMany({ data: [{ id: "alice" }, { id: "bob" }] });
});

afterAll(async () => {
  await db.$disconnect();
  await rm(tmp, { recursive: true, force: true });
});

describe("prismaWorkspaces (SQLite)", () => {
  it("stores, versions and scopes every access by owner", async () => {
    const repo = prismaWorkspaces(db);
    const row = await repo.insert("alice", "lesson:a", { n: 1 });
    expect(row.version).toBe(0);
    expect(await repo.save("alice", row.id, 0, { n: 2 })).toBe(1);
    expect(await repo.save("alice", row.id, 0, { n: 3 })).toBe("conflict");
    // bob knowing alice's workspace id changes nothing
    expect(await repo.save("bob", row.id, 1, { stolen: true })).toBe("conflict");
    expect(await repo.load("bob", "lesson:a")).toBeUndefined();
    expect(await repo.load("alice", "lesson:a")).toMatchObject({ id: row.id, snapshot: { n: 2 }, version: 1 });
    await repo.remove("bob", "lesson:a");
    expect(await repo.load("alice", "lesson:a")).toBeDefined();
    await repo.remove("alice", "lesson:a");
    expect(await repo.load("alice", "lesson:a")).toBeUndefined();
  });
});
