import "server-only";
import { cookies, headers } from "next/headers";
import type { Locale } from "../../lessons/loader/lesson";

// The learner's language: the `locale` cookie set by the switch, else the browser's
// preference, else Korean (the course's source language).

export const LOCALE_COOKIE = "locale";

export function parseLocale(value: string | undefined): Locale | undefined {
  return value === "ko" || value === "en" ? value : undefined;
}

export async function currentLocale(): Promise<Locale> {
  const chosen = parseLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  if (chosen) return chosen;
  const accept = (await headers()).get("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "en" ? "en" : "ko";
}
