"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import { AccountSelect } from "@/components/ui/account-select";
import { ordersMessages } from "./messages";
import { ordersHref } from "./order-links";

/** Which seller account's orders are shown: a switcher when the user works several, else just its name. */
export function AccountSwitcher({ accounts, currentId }: { accounts: { id: string; name: string }[]; currentId: string }) {
  const t = useMessages(ordersMessages);
  const current = accounts.find((account) => account.id === currentId);
  if (accounts.length <= 1) return <p className="mb-6 text-sm text-slate-600">{t.accountLine(current?.name ?? "")}</p>;
  return (
    <div className="mb-6 flex items-center gap-2 text-sm">
      <AccountSelect label={t.account} accounts={accounts} currentId={currentId} hrefFor={ordersHref} />
    </div>
  );
}
