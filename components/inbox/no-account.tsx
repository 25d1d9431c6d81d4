"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import { inboxMessages } from "./messages";

/** The inbox of a user with no seller account to work. */
export function NoAccount({ isAdmin }: { isAdmin: boolean }) {
  const t = useMessages(inboxMessages);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-semibold">
        {t.appName} · {t.inbox}
      </h1>
      <p className="rounded-md border border-slate-200 bg-white p-4">{isAdmin ? t.noAccountAdmin : t.noAccountAgent}</p>
    </main>
  );
}
