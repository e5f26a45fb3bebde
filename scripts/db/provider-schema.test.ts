import { describe, expect, it } from "vitest";
import { deriveSchema } from "./provider-schema";

const SQLITE_SCHEMA = `generator client {
  provider = "prisma-client"
  output   = "./generated/sqlite"
}

datasource db {
  provider = "sqlite"
}

model User {
  id String @id
}
`;

describe("deriveSchema", () => {
  it("returns the SQLite schema unchanged", () => {
    expect(deriveSchema("sqlite", SQLITE_SCHEMA)).toBe(SQLITE_SCHEMA);
  });

  it("changes only the provider and the client output for PostgreSQL", () => {
    const derived = deriveSchema("postgresql", SQLITE_SCHEMA);
    expect(derived).toContain('datasource db {\n  provider = "postgresql"\n}');
    expect(derived).toContain('output   = "./postgresql"');
    expect(derived).toMatch(/^\/\/ GENERATED from prisma\/schema\.prisma/);
    const changed = derived.split("\n").slice(1).filter((line, index) => line !== SQLITE_SCHEMA.split("\n")[index]);
    expect(changed).toEqual(['  output   = "./postgresql"', '  provider = "postgresql"']);
  });

  it.each([
    ["a datasource that is not SQLite", SQLITE_SCHEMA.replace('"sqlite"', '"mysql"'), /datasource db/],
    ["a client generated elsewhere", SQLITE_SCHEMA.replace("./generated/sqlite", "./client"), /generator client/],
  ])("refuses %s", (_, schema, message) => {
    expect(() => deriveSchema("postgresql", schema)).toThrow(message);
  });
});
