"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import { AccountSelect } from "@/components/ui/account-select";
import { metricsMessages } from "./messages";

const metricsHref = (accountId: string) => `/metrics?account=${encodeURIComponent(accountId)}`;

/** Which seller account's figures are shown: a switcher when the user works several, else just its name. */
export function MetricsAccountSwitcher({ accounts, currentId }: { accounts: { id: string; name: string }[]; currentId: string }) {
  const t = useMessages(metricsMessages);
  const current = accounts.find((account) => account.id === currentId);
  if (accounts.length <= 1) return <p className="mb-4 text-sm text-slate-600">{t.accountLine(current?.name ?? "")}</p>;
  return (
    <div className="mb-4 flex items-center gap-2 text-sm">
      <AccountSelect label={t.account} accounts={accounts} currentId={currentId} hrefFor={metricsHref} />
    </div>
  );
}
