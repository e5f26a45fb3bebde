import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { anonymous } from "better-auth/plugins";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { headers } from "next/headers";
import { database } from "./db";
import { moveGuestWork } from "./guest-work";
import { VerifiedSessions } from "./verified-sessions";

// Sign-in for kubelab: every visitor is first an anonymous guest (a session cookie,
// nothing asked); signing up with email and password keeps the guest's work. Passwords
// are hashed with scrypt by better-auth; its cookies are HttpOnly and SameSite=Lax, and
// its endpoints refuse cross-origin form posts.

const { db, provider } = database();

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET when the operator sets it (it
 * must be the same on every instance), else one made on first start and kept in data/,
 * so `npm start` on a fresh clone needs nothing and restarts keep everyone signed in.
 */
function secret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(process.cwd(), "data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  } catch {
    // already made (perhaps a moment ago by another worker): use that one
  }
  return readFileSync(file, "utf8").trim();
}

const COOKIE_CACHE_SECONDS = 5 * 60;

export const auth = betterAuth({
  secret: secret(),
  ...(process.env.BETTER_AUTH_URL ? { baseURL: process.env.BETTER_AUTH_URL } : {}),
  // Forms are accepted from the page's own origin (the Origin header must name the host the
  // request came to), plus the operator's public URL when it is set.
  trustedOrigins: (request) => {
    const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
    const proto = request?.headers.get("x-forwarded-proto") ?? "http";
    return [host ? `${proto}://${host}` : undefined, process.env.BETTER_AUTH_URL];
  },
  // Password sign-in keeps better-auth's strict limit (3 tries in 10 s per address); a
  // guest session is cheap and a classroom behind one address makes dozens at once.
  rateLimit: { customRules: { "/sign-in/anonymous": { window: 10, max: 100 } } },
  database: prismaAdapter(db, { provider }),
  // Every terminal command asks who is calling: a signed cookie holding the session for 5
  // minutes answers without the database. The price: a session revoked elsewhere (sign-out
  // on another device, a new role) takes up to those 5 minutes to be noticed.
  session: { cookieCache: { enabled: true, maxAge: COOKIE_CACHE_SECONDS } },
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
  user: {
    additionalFields: {
      role: { type: "string", required: false, defaultValue: "learner", input: false },
    },
  },
  plugins: [
    anonymous({
      emailDomainName: "guest.kubelab.invalid",
      generateName: () => "guest",
      onLinkAccount: async ({ anonymousUser, newUser }) => moveGuestWork(db, anonymousUser.user.id, newUser.user.id),
    }),
    nextCookies(),
  ],
});

/** KUBELAB_TEACHERS: emails (comma-separated) of accounts that may use /author, besides role "teacher" in the database. */
function teachers(): Set<string> {
  return new Set((process.env.KUBELAB_TEACHERS ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean));
}

export interface Viewer {
  readonly id: string;
  readonly guest: boolean;
  readonly email?: string;
  readonly role: "learner" | "teacher";
}

const verified = new VerifiedSessions<Viewer>(COOKIE_CACHE_SECONDS * 1000, 10_000);

/** The signed-in user (guest or account) of the current request, if any. */
export async function viewer(): Promise<Viewer | undefined> {
  const asked = await headers();
  const cookies = asked.get("cookie") ?? "";
  const now = Date.now();
  const known = verified.get(cookies, now);
  if (known) return known;
  const session = await auth.api.getSession({ headers: asked });
  if (!session) return undefined;
  const user = session.user as typeof session.user & { isAnonymous?: boolean | null; role?: string };
  const who: Viewer = {
    id: user.id,
    guest: user.isAnonymous === true,
    ...(user.isAnonymous ? {} : { email: user.email }),
    role: user.role === "teacher" || (!user.isAnonymous && teachers().has(user.email.toLowerCase())) ? "teacher" : "learner",
  };
  verified.remember(cookies, who, new Date(session.session.expiresAt).getTime(), now);
  return who;
}
