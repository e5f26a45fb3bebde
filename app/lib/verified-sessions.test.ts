import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { anonymous } from "better-auth/plugins";
import { describe, expect, it } from "vitest";
import { cookieCacheExpiry, VerifiedSessions } from "./verified-sessions";

const MINUTE = 60_000;
const data = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");
const cookies = (expiresAt: number, token = "tok.sig") => `locale=en; better-auth.session_token=${token}; better-auth.session_data=${data({ session: {}, expiresAt, signature: "s" })}`;

describe("cookieCacheExpiry", () => {
  it("reads the expiry better-auth writes in its session-data cookie", async () => {
    // a real better-auth, configured as app/lib/auth.ts is: the format is its, not ours
    const auth = betterAuth({
      secret: "a-test-secret-that-is-long-enough-for-better-auth",
      baseURL: "http://localhost:3000",
      database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
      session: { cookieCache: { enabled: true, maxAge: 5 * 60 } },
      plugins: [anonymous()],
    });
    const before = Date.now();
    const { headers } = await auth.api.signInAnonymous({ headers: new Headers(), returnHeaders: true });
    const after = Date.now();
    const header = headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(header).toContain("better-auth.session_data=");
    const expiry = cookieCacheExpiry(header)!;
    expect(expiry).toBeGreaterThanOrEqual(before + 5 * MINUTE - 1000);
    expect(expiry).toBeLessThanOrEqual(after + 5 * MINUTE + 1000);
    // and better-auth itself accepts these cookies, which is what makes them worth remembering
    const session = await auth.api.getSession({ headers: new Headers({ cookie: header }) });
    expect(session?.user.id).toBeTruthy();
  });

  it.each([
    ["no session-data cookie", "better-auth.session_token=tok.sig"],
    ["two of them", `${cookies(1e15)}; better-auth.session_data=${data({ expiresAt: 1 })}`],
    ["not base64url JSON", "better-auth.session_data=%%%"],
    ["JSON without a numeric expiry", `better-auth.session_data=${data({ expiresAt: "soon" })}`],
    ["JSON null", `better-auth.session_data=${data(null)}`],
    ["a chunk of a split cookie", `better-auth.session_data.0=${data({ expiresAt: 1e15 })}`],
  ])("is undefined for %s", (_, header) => {
    expect(cookieCacheExpiry(header)).toBeUndefined();
  });

  it("reads the cookie under its HTTPS name too", () => {
    expect(cookieCacheExpiry(`__Secure-better-auth.session_data=${data({ expiresAt: 42 })}`)).toBe(42);
  });
});

describe("VerifiedSessions", () => {
  const now = 1_000_000;

  it.each([
    ["the cookie cache's own expiry", cookies(now + 2 * MINUTE), now + 60 * MINUTE, now + 2 * MINUTE],
    ["the session's expiry", cookies(now + 5 * MINUTE), now + 1 * MINUTE, now + 1 * MINUTE],
    // a forged expiry far off: better-auth answered from the database, its cache would ask again within max age
    ["the cache's max age from better-auth's answer", cookies(now + 600 * MINUTE), now + 600 * MINUTE, now + 5 * MINUTE],
  ])("answers until %s", (_, header, sessionExpiresAt, until) => {
    const sessions = new VerifiedSessions<string>(5 * MINUTE, 10);
    sessions.remember(header, "alice", sessionExpiresAt, now);
    expect(sessions.get(header, until - 1)).toBe("alice");
    expect(sessions.get(header, until)).toBeUndefined();
    expect(sessions.get(header, until - 1)).toBeUndefined();
  });

  it("answers only for exactly the same cookies", () => {
    const sessions = new VerifiedSessions<string>(5 * MINUTE, 10);
    sessions.remember(cookies(now + MINUTE), "alice", now + MINUTE, now);
    expect(sessions.get(cookies(now + MINUTE, "other.sig"), now)).toBeUndefined();
    expect(sessions.get(cookies(now + MINUTE).replace("locale=en", "locale=ko"), now)).toBeUndefined();
  });

  it.each([
    ["without a readable cookie cache", "better-auth.session_token=tok.sig"],
    ["already expired", cookies(now)],
    ["too long", `${cookies(now + MINUTE)}; pad=${"x".repeat(9000)}`],
  ])("remembers nothing %s", (_, header) => {
    const sessions = new VerifiedSessions<string>(5 * MINUTE, 10);
    sessions.remember(header, "alice", now + MINUTE, now);
    expect(sessions.get(header, now)).toBeUndefined();
  });

  it("drops the oldest past its capacity", () => {
    const sessions = new VerifiedSessions<string>(5 * MINUTE, 2);
    const [a, b, c] = ["a", "b", "c"].map((t) => cookies(now + MINUTE, t));
    sessions.remember(a!, "A", now + MINUTE, now);
    sessions.remember(b!, "B", now + MINUTE, now);
    sessions.remember(a!, "A", now + MINUTE, now); // remembered again: the newest now
    sessions.remember(c!, "C", now + MINUTE, now);
    expect([a, b, c].map((k) => sessions.get(k!, now))).toEqual(["A", undefined, "C"]);
  });
});
