/**
 * The CKA's "node01 is NotReady, fix it" as a learner lives it, typed into the shell: the
 * kubelet stopped, then a kubelet whose drop-in points at a binary that is not there. Each
 * script's transcript is a golden file beside it (`npx vitest run -u` rewrites them).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { expectGolden, testWorkspace } from "../testing";

const DIR = join(import.meta.dirname, "testdata");
const scripts = readdirSync(DIR).filter((f) => f.endsWith(".sh")).sort();

async function transcript(script: string): Promise<string> {
  const ws = testWorkspace();
  let out = "";
  for (const line of script.split("\n").filter(Boolean)) {
    out += `$ ${line}\n`;
    const status = await ws.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) }, { tty: false });
    if (status !== 0) out += `[exit ${status}]\n`;
  }
  return out;
}

describe("a node that is NotReady", () => {
  it.each(scripts)("%s", async (name) => {
    await expectGolden(name.replace(/\.sh$/, ".out"), await transcript(readFileSync(join(DIR, name), "utf8")));
  });
});
