/**
 * Golden files for the kubelet's transcripts, in ../testdata. UPDATE_GOLDEN=1 rewrites
 * them; a rewritten file must then be read against what real kubectl prints.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export function expectGolden(name: string, actual: string): void {
  const path = fileURLToPath(new URL(`../testdata/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}
