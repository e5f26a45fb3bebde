// The browser tests (Playwright driving Debian's Chromium against `npm start`), run by
// `npm test` after the unit tests. Without a Chromium on this machine they are skipped
// with a note, except in CI (CI=1), where that is a failure: .ci/run installs Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const note = `e2e: no Chromium at ${chromium}: browser tests not run (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) {
    console.error(note);
    process.exit(1);
  }
  console.warn(note);
  process.exit(0);
}
const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
const result = spawnSync(process.execPath, [cli, "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
