import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROVIDER_PATHS, resolveDatabaseTarget } from "../../prisma/database-target";
import { PrismaClient } from "../../prisma/generated/sqlite/client";
import { applyMigrations, createMigration, markRolledBack } from "./migrate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "kubelab-migrate-"));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function sqliteTarget(file: string) {
  return resolveDatabaseTarget(`file:${file}`, tmp);
}

async function committedMigrationNames(): Promise<string[]> {
  const entries = await readdir(path.join(repoRoot, PROVIDER_PATHS.sqlite.migrations), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** A project root in tmp with this repository's schema and SQLite migrations. */
async function copyOfPrismaFolder(): Promise<string> {
  const root = path.join(tmp, "project");
  await mkdir(path.join(root, "prisma"), { recursive: true });
  await cp(path.join(repoRoot, PROVIDER_PATHS.sqlite.schema), path.join(root, PROVIDER_PATHS.sqlite.schema));
  await cp(path.join(repoRoot, PROVIDER_PATHS.sqlite.migrations), path.join(root, PROVIDER_PATHS.sqlite.migrations), {
    recursive: true,
  });
  return root;
}

describe("applyMigrations on SQLite", () => {
  it("creates the file and its folder, applies every migration once, and is a no-op the second time", async () => {
    const target = sqliteTarget("data/nested/kubelab.db");
    const names = await committedMigrationNames();
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(target, { root: repoRoot })).toEqual(names);
    expect(await applyMigrations(target, { root: repoRoot })).toEqual([]);

    const db = new Database(path.join(tmp, "data/nested/kubelab.db"), { readonly: true });
    const rows = db
      .prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name")
      .all() as { migration_name: string; finished_at: string | null; rolled_back_at: string | null }[];
    db.close();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
  });

  it("fails with the name of a migration whose SQL does not run, and keeps the ones before it", async () => {
    const root = await copyOfPrismaFolder();
    const broken = path.join(root, PROVIDER_PATHS.sqlite.migrations, "29991231000000_broken");
    await mkdir(broken);
    await writeFile(path.join(broken, "migration.sql"), 'ALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n');
    const target = sqliteTarget("broken.db");

    await expect(applyMigrations(target, { root })).rejects.toThrow(
      /^migration 29991231000000_broken failed: .*NoSuchTable/,
    );
    await expect(applyMigrations(target, { root })).rejects.toThrow(/^migration 29991231000000_broken failed/);

    const db = new Database(path.join(tmp, "broken.db"), { readonly: true });
    const applied = db
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name")
      .all() as { migration_name: string }[];
    db.close();
    expect(applied.map((row) => row.migration_name)).toEqual(await committedMigrationNames());
  });

  it("applies a repaired migration again once it is marked rolled back", async () => {
    const root = await copyOfPrismaFolder();
    const broken = path.join(root, PROVIDER_PATHS.sqlite.migrations, "29991231000000_repair");
    await mkdir(broken);
    await writeFile(path.join(broken, "migration.sql"), 'CREATE INDEX "User_role_idx" ON "NoSuchTable"("role");\n');
    const target = sqliteTarget("repair.db");
    await expect(applyMigrations(target, { root })).rejects.toThrow(/29991231000000_repair/);

    await writeFile(path.join(broken, "migration.sql"), 'CREATE INDEX "User_role_idx" ON "User"("role");\n');
    await markRolledBack(target, "29991231000000_repair", { root });

    expect(await applyMigrations(target, { root })).toEqual(["29991231000000_repair"]);
  });
});

describe("the migrated schema through the generated client", () => {
  it("round-trips a user and a workspace, with optimistic locking and cascading deletes", async () => {
    const target = sqliteTarget("roundtrip.db");
    await applyMigrations(target, { root: repoRoot });
    const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.url }) });
    try {
      const user = await prisma.user.create({ data: { id: "u1", name: "guest", email: "temp-u1@guest.kubelab.invalid", isAnonymous: true } });
      expect(user).toMatchObject({ isAnonymous: true, role: "learner", emailVerified: false });

      const snapshot = { clock: 0, objects: [{ kind: "Pod", metadata: { name: "web", namespace: "default" } }] };
      const workspace = await prisma.workspace.create({
        data: { userId: user.id, key: "lesson:pods/01-what-is-a-pod", saved: { create: { snapshot } } },
      });
      expect(workspace.version).toBe(0);

      const read = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { workspaces: { include: { saved: true } } } });
      expect(read.workspaces).toHaveLength(1);
      expect(read.workspaces[0].saved?.snapshot).toEqual(snapshot);

      const write = (version: number) =>
        prisma.workspace.updateMany({
          where: { id: workspace.id, version },
          data: { shell: { history: ["ls"] }, version: { increment: 1 } },
        });
      expect((await write(0)).count).toBe(1);
      expect((await write(0)).count).toBe(0);
      expect(await prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toMatchObject({
        version: 1,
        shell: { history: ["ls"] },
      });

      await expect(
        prisma.workspace.create({ data: { userId: user.id, key: "lesson:pods/01-what-is-a-pod" } }),
      ).rejects.toMatchObject({ code: "P2002" });

      await prisma.user.delete({ where: { id: user.id } });
      expect(await prisma.workspace.count()).toBe(0);
      expect(await prisma.workspaceSnapshot.count()).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe("createMigration on SQLite", () => {
  it("finds nothing to do: the committed migrations produce exactly prisma/schema.prisma", async () => {
    const root = await copyOfPrismaFolder();
    const created = await createMigration(sqliteTarget("drift.db"), "drift", { root });
    expect(created).toEqual({ folder: null, warnings: [] });
  });

  it("writes a migration for a schema change, which then applies", async () => {
    const root = await copyOfPrismaFolder();
    const schemaFile = path.join(root, PROVIDER_PATHS.sqlite.schema);
    const schema = await readFile(schemaFile, "utf8");
    await writeFile(schemaFile, schema.replace(/(model User \{\n)/, '$1  displayName String?\n'));
    const target = sqliteTarget("dev.db");

    const created = await createMigration(target, "add_display_name", { root });

    expect(created.warnings).toEqual([]);
    expect(path.basename(created.folder ?? "")).toMatch(/^\d{14}_add_display_name$/);
    const sql = await readFile(path.join(created.folder ?? "", "migration.sql"), "utf8");
    expect(sql).toContain('ALTER TABLE "User" ADD COLUMN "displayName" TEXT;');
    expect(await readFile(path.join(root, PROVIDER_PATHS.sqlite.migrations, "migration_lock.toml"), "utf8")).toContain(
      'provider = "sqlite"',
    );
    expect(await applyMigrations(target, { root })).toEqual([path.basename(created.folder ?? "")]);
  });

  it("names the migration after its twin in the other provider's folder", async () => {
    const root = await copyOfPrismaFolder();
    const twin = path.join(root, PROVIDER_PATHS.postgresql.migrations, "29990101000000_add_display_name");
    await mkdir(twin, { recursive: true });
    await writeFile(path.join(twin, "migration.sql"), 'ALTER TABLE "User" ADD COLUMN "displayName" TEXT;\n');
    const schemaFile = path.join(root, PROVIDER_PATHS.sqlite.schema);
    await writeFile(
      schemaFile,
      (await readFile(schemaFile, "utf8")).replace(/(model User \{\n)/, "$1  displayName String?\n"),
    );

    const created = await createMigration(sqliteTarget("twin.db"), "add_display_name", { root });

    expect(created.folder).toBe(path.join(root, PROVIDER_PATHS.sqlite.migrations, "29990101000000_add_display_name"));
  });

  it("warns when the change would lose data", async () => {
    const root = await copyOfPrismaFolder();
    const schemaFile = path.join(root, PROVIDER_PATHS.sqlite.schema);
    const schema = await readFile(schemaFile, "utf8");
    const target = sqliteTarget("loss.db");
    await applyMigrations(target, { root });
    const db = new Database(path.join(tmp, "loss.db"));
    db.prepare(`INSERT INTO "User" ("id", "name", "email", "image", "updatedAt") VALUES ('u1', 'u1', 'u1@example.com', 'face.png', 0)`).run();
    db.close();
    await writeFile(schemaFile, schema.replace(/\n  image +String\?\n/, "\n"));

    const created = await createMigration(target, "drop_image", { root });

    expect(created.folder).not.toBeNull();
    expect(created.warnings.join("\n")).toMatch(/image/);
  });
});

describe("the PostgreSQL migrations folder", () => {
  it("holds the same migrations as the SQLite one", async () => {
    const entries = await readdir(path.join(repoRoot, PROVIDER_PATHS.postgresql.migrations), { withFileTypes: true });
    const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(names).toEqual(await committedMigrationNames());
    expect(
      await readFile(path.join(repoRoot, PROVIDER_PATHS.postgresql.migrations, "migration_lock.toml"), "utf8"),
    ).toContain('provider = "postgresql"');
  });
});
