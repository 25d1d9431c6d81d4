import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsMessages } from "@/components/settings/messages";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { requireSettingsUser } from "./require-settings-user";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await requireSettingsUser();
  const t = settingsMessages[getRequestLocale(await headers())];
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-semibold">{t.settings}</h1>
      <SettingsNav isAdmin={user.role === "ADMIN"} />
      {children}
    </main>
  );
}
