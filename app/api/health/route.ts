import { databaseHealth } from "../../lib/database-health";

// Load balancers and `npm start` smoke tests poll this; never cache it.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await databaseHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
