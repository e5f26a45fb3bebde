import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { DatabaseProvider } from "../prisma/database-target";
import { createThrowawayDatabase, NO_TEST_POSTGRES, testPostgresUrl, type ThrowawayDatabase } from "../app/lib/testing/test-postgres";
import { LessonPage } from "./lesson-page";

// Killing the server mid-lesson and mid-exam and starting it again loses nothing: the same
// pods, files, history and virtual time, the same exam attempt with its clusters and its
// deadline, on either database. This test runs its own server, on its own
// port and a database of its own, which `npm start` migrates as it would in production.

const PORT = Number(process.env.E2E_RESTART_PORT ?? 3101);
const BASE = `http://127.0.0.1:${PORT}`;
const SQLITE_FILE = "data/e2e-restart.db";

/** An empty database of the provider, or undefined when there is no PostgreSQL server here (in CI, an error). */
async function freshDatabase(provider: DatabaseProvider): Promise<ThrowawayDatabase | undefined> {
  if (provider === "sqlite") {
    rmSync(SQLITE_FILE, { force: true });
    return { url: `file:./${SQLITE_FILE}`, drop: async () => rmSync(SQLITE_FILE, { force: true }) };
  }
  const server = testPostgresUrl();
  return server === undefined ? undefined : createThrowawayDatabase(server);
}

async function startServer(provider: DatabaseProvider, databaseUrl: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", KUBELAB_EXAMS_DIR: "e2e/exams" },
    stdio: "ignore",
    // its own process group: `npm start` runs `next start` as a child, and both must die
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    const health = await fetch(`${BASE}/api/health`).catch(() => undefined); // not listening yet
    if (health?.ok) {
      // the server must run on the database under test, not on a default it fell back to
      const { database } = (await health.json()) as { database: DatabaseProvider };
      if (database === provider) return server;
      await kill(server);
      throw new Error(`the server runs on ${database}, not on ${provider}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await kill(server);
  throw new Error("the server did not start");
}

/** Kills the server as a crash would (SIGKILL to the whole group) and waits until its port is free. */
async function kill(server: ChildProcess): Promise<void> {
  try {
    if (server.pid) process.kill(-server.pid, "SIGKILL");
  } catch {
    // already gone
  }
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${BASE}/api/health`);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not stop");
}

for (const provider of ["sqlite", "postgresql"] as const) {
  test(`a restart of the server loses no pod, file, history, time or exam attempt (${provider})`, async ({ page }) => {
    test.setTimeout(240_000);
    const database = await freshDatabase(provider);
    if (!database) {
      // the list reporter shows a test's output but not why it was skipped
      console.warn(NO_TEST_POSTGRES);
      test.skip(true, NO_TEST_POSTGRES);
      return;
    }
    let server = await startServer(provider, database.url);
    try {
      const lesson = new LessonPage(page);
      await lesson.open(`${BASE}/learn/pods/what-is-a-pod`);
      await lesson.type("kubectl run keeper --image=nginx && echo remembered > /root/note");
      await expect(lesson.screen).toContainText("pod/keeper created");
      await lesson.type("sleep 3; kubectl get pod keeper --no-headers");
      await expect(lesson.screen).toContainText(/keeper\s+1\/1\s+Running/);

      // an exam attempt in progress, inside one of its clusters
      await page.goto(`${BASE}/exams/e2e-mock`);
      await page.getByRole("button", { name: /Start the exam/ }).click();
      await page.waitForURL(/\/exams\/attempts\/[^/]+$/);
      const attempt = page.url().split("/").pop() as string;
      const room = new LessonPage(page);
      await expect(room.screen).toContainText("base:~$");
      await room.type("ssh cka1000");
      await room.type("kubectl run examinee --image=nginx:1.27");
      await expect(room.row("pod/examinee created")).toBeVisible();
      const before = (await (await page.request.get(`${BASE}/api/exam-attempts/${attempt}`)).json()) as { deadline: string; ended: boolean };
      expect(before.ended).toBe(false);

      await kill(server);
      server = await startServer(provider, database.url);

      // the same attempt, deadline and clusters; the terminal is still on the cluster's host
      const after = (await (await page.request.get(`${BASE}/api/exam-attempts/${attempt}`)).json()) as { deadline: string; ended: boolean };
      expect(after).toMatchObject({ deadline: before.deadline, ended: false });
      await page.goto(`${BASE}/exams/attempts/${attempt}`);
      await expect(page.getByTestId("countdown")).toHaveText(/^00:(2\d|30):\d\d$/);
      await expect(room.screen).toContainText("cka1000:~$");
      await room.type("kubectl get pod examinee -o name");
      await expect(room.row("pod/examinee")).toBeVisible();

      await lesson.open(`${BASE}/learn/pods/what-is-a-pod`);
      await lesson.type("cat /root/note; kubectl get pod keeper --no-headers -o custom-columns=NAME:.metadata.name,STATUS:.status.phase");
      await expect(lesson.row("remembered")).toHaveCount(1);
      await expect(lesson.row("keeper   Running")).toHaveCount(1);
      // the history came back too: ↑ recalls the line typed before the restart
      await lesson.terminal.click();
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      await expect(lesson.screen).toContainText("controlplane:~$ sleep 3; kubectl get pod keeper --no-headers");
    } finally {
      await kill(server);
      await database.drop();
    }
  });
}
