import { describe, expect, it } from "vitest";
import { moveGuestWork } from "./guest-work";
import { suiteDatabase, TEST_PROVIDERS } from "./testing/database-suite";
import { users } from "./testing/test-db";

describe.each(TEST_PROVIDERS)("moveGuestWork on %s", (provider) => {
  const database = suiteDatabase(provider, (db) => users(db, "guest", "account"));

  it("hands the guest's work to the account, keeping the account's own where both have one", async () => {
    const db = database();
    for (const [userId, key] of [
      ["guest", "lesson:pods/01"],
      ["guest", "lesson:pods/02"],
      ["account", "lesson:pods/01"],
    ])
      await db.workspace.create({ data: { userId, key, saved: { create: { snapshot: { by: userId } } } } });
    await db.exerciseProgress.createMany({
      data: [
        { userId: "guest", lessonId: "pods/01", exerciseId: "pod-first", hintsShown: 2 },
        { userId: "guest", lessonId: "pods/02", exerciseId: "pod-labels", solutionShown: true },
        { userId: "account", lessonId: "pods/01", exerciseId: "pod-first", hintsShown: 0 },
      ],
    });
    await db.exerciseAttempt.create({ data: { userId: "guest", lessonId: "pods/01", exerciseId: "pod-first", passed: true, results: [] } });

    await moveGuestWork(db, "guest", "account");

    const ws = await db.workspace.findMany({ where: { userId: "account" }, orderBy: { key: "asc" }, include: { saved: true } });
    expect(ws.map((w) => [w.key, w.saved?.snapshot])).toEqual([
      ["lesson:pods/01", { by: "account" }],
      ["lesson:pods/02", { by: "guest" }],
    ]);
    const progress = await db.exerciseProgress.findMany({ where: { userId: "account" }, orderBy: { exerciseId: "asc" } });
    expect(progress.map((p) => [p.exerciseId, p.hintsShown, p.solutionShown])).toEqual([
      ["pod-first", 0, false],
      ["pod-labels", 0, true],
    ]);
    expect(await db.exerciseAttempt.count({ where: { userId: "account" } })).toBe(1);
  });
});
