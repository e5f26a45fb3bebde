/**
 * Who sent a set of cookies that better-auth accepted a moment ago, so that the next
 * request with the very same cookies is answered without asking it again.
 *
 * better-auth's cookie cache already trusts its signed session-data cookie until the
 * expiry written in it, without the database. Verifying that cookie still costs three
 * HMACs on the crypto thread pool and its endpoint machinery: about a third of a terminal
 * command's time. Remembering the answer for the same cookies until that same expiry
 * changes nothing a learner can see: a session revoked elsewhere is noticed when the
 * cookie cache would have noticed it.
 *
 * The expiry is read from the cookie without checking its signature (better-auth did). A
 * forged data cookie next to a genuine session token makes better-auth fall back to the
 * database and answer; so a remembered answer never outlives `maxAgeMs` from the moment
 * better-auth gave it, the longest its own cache trusts a cookie.
 */

/** Cookie headers longer than this (chunked session data, or junk) are not remembered. */
const MAX_COOKIES_LENGTH = 8 * 1024;

export class VerifiedSessions<V> {
  private readonly known = new Map<string, { viewer: V; until: number }>();

  /** `maxAgeMs`: the cookie cache's max age; `capacity`: cookie sets kept, the oldest dropped first. */
  constructor(
    private readonly maxAgeMs: number,
    private readonly capacity: number,
  ) {}

  /** The viewer better-auth gave for exactly these cookies, while that answer holds. */
  get(cookies: string, now: number): V | undefined {
    const hit = this.known.get(cookies);
    if (hit === undefined) return undefined;
    if (hit.until > now) return hit.viewer;
    this.known.delete(cookies);
    return undefined;
  }

  /** Keeps better-auth's answer for these cookies until the earliest expiry that bounds it. */
  remember(cookies: string, viewer: V, sessionExpiresAt: number, now: number): void {
    if (cookies.length > MAX_COOKIES_LENGTH) return;
    const cached = cookieCacheExpiry(cookies);
    if (cached === undefined) return;
    const until = Math.min(cached, sessionExpiresAt, now + this.maxAgeMs);
    if (!(until > now)) return;
    this.known.delete(cookies);
    this.known.set(cookies, { viewer, until });
    // a Map iterates in insertion order: the oldest first
    while (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value as string);
  }
}

/**
 * When better-auth's session-data cookie among `cookies` expires (ms), as written in it: its
 * "compact" form is base64url JSON `{session, expiresAt, signature}`. Undefined when there
 * is no such cookie, or more than one, or it is not in that form.
 */
export function cookieCacheExpiry(cookies: string): number | undefined {
  const values = cookies
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => /^(__Secure-)?better-auth\.session_data=/.test(pair))
    .map((pair) => pair.slice(pair.indexOf("=") + 1));
  if (values.length !== 1) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(decodeURIComponent(values[0]!), "base64url").toString("utf8"));
    const expiresAt = (payload as { expiresAt?: unknown }).expiresAt;
    return typeof expiresAt === "number" && Number.isFinite(expiresAt) ? expiresAt : undefined;
  } catch {
    return undefined;
  }
}
