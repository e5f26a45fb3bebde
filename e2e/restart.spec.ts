import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { LessonPage } from "./lesson-page";

// Killing the server mid-lesson and starting it again loses nothing: the same pods, files,
// history and virtual time. This test runs its own server, on its own port and database.

const PORT = 3101;
const BASE = `http://127.0.0.1:${PORT}`;
const DB = "data/e2e-restart.db";

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["scripts/start.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: `file:./${DB}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    // its own process group: `npm start` runs `next start` as a child, and both must die
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
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

test("a restart of the server loses no pod, file, history or time", async ({ page }) => {
  test.setTimeout(180_000);
  rmSync(DB, { force: true });
  let server = await startServer();
  try {
    const lesson = new LessonPage(page);
    await lesson.open(`${BASE}/learn/pods/what-is-a-pod`);
    await lesson.type("kubectl run keeper --image=nginx && echo remembered > /root/note");
    await expect(lesson.screen).toContainText("pod/keeper created");
    await lesson.type("sleep 3; kubectl get pod keeper --no-headers");
    await expect(lesson.screen).toContainText(/keeper\s+1\/1\s+Running/);

    await kill(server);
    server = await startServer();

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
  }
});
