import { describe, expect, it } from "vitest";
import { testPostgresUrl } from "./test-postgres";

describe("testPostgresUrl", () => {
  const url = "postgresql://kubelab:secret@127.0.0.1:55432/postgres";

  it.each([
    { env: { KUBELAB_TEST_POSTGRES_URL: url }, expected: url },
    { env: { KUBELAB_TEST_POSTGRES_URL: url, CI: "1" }, expected: url },
    { env: {}, expected: undefined },
    { env: { KUBELAB_TEST_POSTGRES_URL: "  " }, expected: undefined },
  ])("reads $env", ({ env, expected }) => {
    expect(testPostgresUrl(env)).toBe(expected);
  });

  it("fails in CI without a server, so that CI cannot lose the PostgreSQL variants unseen", () => {
    expect(() => testPostgresUrl({ CI: "1" })).toThrow(/KUBELAB_TEST_POSTGRES_URL is not set, but CI must run/);
  });
});
