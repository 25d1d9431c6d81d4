import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { LocaleProvider } from "@/components/i18n/locale-provider";
import { QueryProvider } from "@/components/providers/query-provider";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: "Seller Inbox",
  description: "A support inbox for Ozon sellers",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = getRequestLocale(await headers());
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <LocaleProvider locale={locale}>
          <QueryProvider>{children}</QueryProvider>
        </LocaleProvider>
      </body>
    </html>
  );
}
