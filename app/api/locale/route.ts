import { z } from "zod";
import { body } from "../../lib/api";
import { LOCALE_COOKIE } from "../../lib/locale";

// The language switch: remembered in a cookie for a year.

const Input = z.object({ locale: z.enum(["ko", "en"]) });

export async function POST(req: Request): Promise<Response> {
  const input = await body(req, Input);
  if (input instanceof Response) return input;
  const res = Response.json({ locale: input.locale });
  res.headers.append("set-cookie", `${LOCALE_COOKIE}=${input.locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
  return res;
}
