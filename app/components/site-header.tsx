import Link from "next/link";
import type { Locale } from "../../lessons/loader/lesson";
import { messages } from "../lib/i18n";
import { LocaleSwitch, ThemeToggle } from "./header-controls";

export function SiteHeader({ locale }: { locale: Locale }) {
  const t = messages(locale);
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        kubelab
      </Link>
      <nav aria-label="kubelab">
        <Link href="/exams">{t.exams}</Link>
        <Link href="/progress">{t.progress}</Link>
        <Link href="/account">{t.account}</Link>
        <LocaleSwitch other={locale === "ko" ? "en" : "ko"} label={t.language} />
        <ThemeToggle light={t.themeLight} dark={t.themeDark} />
      </nav>
    </header>
  );
}
