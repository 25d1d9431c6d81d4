"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { useMessages } from "@/components/i18n/locale-provider";
import { ordersMessages } from "./messages";
import { ordersHref } from "./order-links";

/** Which seller account's orders are shown: a switcher when the user works several, else just its name. */
export function AccountSwitcher({ accounts, currentId }: { accounts: { id: string; name: string }[]; currentId: string }) {
  const t = useMessages(ordersMessages);
  const router = useRouter();
  const selectId = useId();
  const current = accounts.find((account) => account.id === currentId);
  if (accounts.length <= 1) return <p className="mb-6 text-sm text-slate-600">{t.accountLine(current?.name ?? "")}</p>;
  return (
    <div className="mb-6 flex items-center gap-2 text-sm">
      <label htmlFor={selectId} className="text-slate-700">
        {t.account}
      </label>
      <select
        id={selectId}
        value={currentId}
        onChange={(event) => router.push(ordersHref(event.target.value))}
        className="rounded-md border border-slate-400 bg-white px-2 py-1"
      >
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name}
          </option>
        ))}
      </select>
    </div>
  );
}
