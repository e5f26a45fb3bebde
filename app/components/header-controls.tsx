"use client";
import { useEffect, useState } from "react";

/** Switches the lessons and the interface to the other language. */
export function LocaleSwitch({ other, label }: { other: "ko" | "en"; label: string }) {
  return (
    <button
      type="button"
      lang={other}
      onClick={async () => {
        await fetch("/api/locale", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ locale: other }) });
        window.location.reload();
      }}
    >
      {label}
    </button>
  );
}

/** Light or dark, remembered in the browser; until chosen, the system's preference. */
export function ThemeToggle({ light, dark }: { light: string; dark: string }) {
  const [theme, setTheme] = useState<"light" | "dark">();
  useEffect(() => {
    const saved = localStorage.getItem("theme");
    const initial = saved === "light" || saved === "dark" ? saved : matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    setTheme(initial);
    document.documentElement.dataset.theme = initial;
  }, []);
  if (!theme) return null;
  const next = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      aria-pressed={theme === "dark"}
      onClick={() => {
        localStorage.setItem("theme", next);
        document.documentElement.dataset.theme = next;
        setTheme(next);
      }}
    >
      {next === "dark" ? dark : light}
    </button>
  );
}
