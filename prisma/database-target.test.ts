import { describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "./database-target";

describe("resolveDatabaseTarget", () => {
  it.each([
    [undefined, { provider: "sqlite", url: "file:/srv/kubelab/data/kubelab.db", file: "/srv/kubelab/data/kubelab.db" }],
    ["  ", { provider: "sqlite", url: "file:/srv/kubelab/data/kubelab.db", file: "/srv/kubelab/data/kubelab.db" }],
    ["file:./other.db", { provider: "sqlite", url: "file:/srv/kubelab/other.db", file: "/srv/kubelab/other.db" }],
    ["file:/var/lib/k.db?mode=rwc", { provider: "sqlite", url: "file:/var/lib/k.db", file: "/var/lib/k.db" }],
    ["postgresql://u:p@db:5432/kubelab", { provider: "postgresql", url: "postgresql://u:p@db:5432/kubelab" }],
    ["postgres://db/kubelab?sslmode=require", { provider: "postgresql", url: "postgres://db/kubelab?sslmode=require" }],
  ])("reads %j", (url, expected) => {
    expect(resolveDatabaseTarget(url, "/srv/kubelab")).toEqual(expected);
  });

  it.each(["mysql://db/kubelab", "./kubelab.db"])("refuses %j, naming the two forms it takes", (url) => {
    expect(() => resolveDatabaseTarget(url, "/srv/kubelab")).toThrow(
      `DATABASE_URL "${url}" is not supported: use file:<path> for SQLite or postgresql://… for PostgreSQL`,
    );
  });
});
