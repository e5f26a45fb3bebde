import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSchemaJson, SCHEMA_JSON } from "./gen-openapi";

describe("gen-openapi", () => {
  it("reproduces the committed schema.json (rerun `npx tsx scripts/gen-openapi.ts` after changing its inputs)", () => {
    expect(generateSchemaJson() === readFileSync(SCHEMA_JSON, "utf8")).toBe(true);
  });
});
