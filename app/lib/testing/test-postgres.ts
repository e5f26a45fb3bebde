/**
 * The PostgreSQL server the tests use, named by KUBELAB_TEST_POSTGRES_URL (a server URL
 * whose role may CREATEDB; scripts/ci/with-postgres.sh starts one), and throwaway
 * databases on it, one per suite, so that test files running in parallel never meet.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_POSTGRES_VARIABLE = "KUBELAB_TEST_POSTGRES_URL";

/** Why the PostgreSQL variants of the tests cannot run here. */
export const NO_TEST_POSTGRES =
  `${TEST_POSTGRES_VARIABLE} is not set: the PostgreSQL variant did not run ` +
  "(scripts/ci/with-postgres.sh <test command> starts a throwaway server for it)";

/**
 * The server URL, or undefined when there is none, which skips the PostgreSQL
 * variants. In CI (CI set) a missing server is an error instead: CI must not lose
 * half of the persistence tests without anyone noticing.
 */
export function testPostgresUrl(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const url = env[TEST_POSTGRES_VARIABLE]?.trim();
  if (url) return url;
  if (env.CI) {
    throw new Error(
      `${TEST_POSTGRES_VARIABLE} is not set, but CI must run the persistence tests on PostgreSQL too: ` +
        "run them under scripts/ci/with-postgres.sh, as .ci/run does",
    );
  }
  return undefined;
}

export type ThrowawayDatabase = {
  /** The new database's URL: the server URL with its name. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop: () => Promise<void>;
};

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a unique name on the server. */
export async function createThrowawayDatabase(serverUrl: string): Promise<ThrowawayDatabase> {
  const name = `kubelab_test_${randomBytes(8).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
