/**
 * The living cluster's scenarios, typed into the learner's shell exactly as
 * `npx kubelab shell --start 2026-01-27T10:00:00Z` would run them. Each script's terminal
 * transcript (stdout and stderr as they interleave) is a golden file beside it; a
 * reviewer reads a changed golden against real kubectl. UPDATE_GOLDEN=1 rewrites them.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testWorkspace } from "../testing";

const DIR = join(import.meta.dirname, "testdata");
const scripts = readdirSync(DIR).filter((f) => f.endsWith(".sh")).sort();

async function transcript(script: string): Promise<string> {
  const ws = testWorkspace();
  let out = "";
  const status = await ws.run(script, { stdout: (s) => (out += s), stderr: (s) => (out += s) }, { tty: false });
  return `${out}[exit ${status}]\n`;
}

describe("scenarios through the learner's shell", () => {
  it.each(scripts)("%s", async (name) => {
    const got = await transcript(readFileSync(join(DIR, name), "utf8"));
    const golden = join(DIR, name.replace(/\.sh$/, ".out"));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, got);
    expect(got).toBe(readFileSync(golden, "utf8"));
  });

  it("runs the same script to the same bytes twice", async () => {
    const script = readFileSync(join(DIR, "02-liveness-http.sh"), "utf8");
    expect(await transcript(script)).toBe(await transcript(script));
  });
});
