// The cheapest route there is (no session, no database): the floor `npm run bench:web`
// compares the command route with.

export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok\n", { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
