"use client";

import { useRef, useState } from "react";
import { useLocale } from "@/components/i18n/locale-provider";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import { AccountCard } from "./account-card";
import { AddAccountForm } from "./add-account-form";
import { ListLoadError } from "./list-load-error";
import { settingsMessages } from "./messages";
import { useAccountList } from "./use-account-list";

/** Settings → Seller accounts: the connected accounts, then the form to connect another. */
export function SellerAccountsSettings({ initialAccounts }: { initialAccounts: AccountSummary[] }) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const list = useAccountList(initialAccounts);
  const accounts = list.data?.accounts ?? [];
  // A removed account's card (and the button that had focus) is gone: the news and the focus go above the list.
  const [removedNotice, setRemovedNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  function onRemoved(name: string) {
    setRemovedNotice(t.removed(name));
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">{t.accountsIntro}</p>
        <p ref={noticeRef} tabIndex={-1} role="status" className="mt-2 text-sm text-green-800 focus:outline-none">
          {removedNotice}
        </p>
      </div>
      {list.isError && <ListLoadError error={list.error} onRetry={() => void list.refetch()} />}
      {accounts.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-sm">{t.noAccounts}</p>
      ) : (
        <ul aria-label={t.sellerAccounts} className="space-y-4">
          {accounts.map((account) => (
            <AccountCard key={account.id} account={account} onRemoved={onRemoved} />
          ))}
        </ul>
      )}
      <AddAccountForm />
    </div>
  );
}
