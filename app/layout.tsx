import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "./components/site-header";
import "./globals.css";
import { currentLocale } from "./lib/locale";

export const metadata: Metadata = {
  title: "kubelab",
  description: "Learn Kubernetes Pods by doing: lessons beside a terminal on a simulated cluster.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await currentLocale();
  return (
    <html lang={locale}>
      <body>
        <SiteHeader locale={locale} />
        {children}
      </body>
    </html>
  );
}
