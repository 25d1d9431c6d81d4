"use client";

import { AccountSelect } from "@/components/ui/account-select";
import type { InboxStrings } from "./messages";

export type InboxAccount = { id: string; name: string; totalUnread: number };

/** The account being worked (a switcher when there are several) and its unread total. */
export function AccountBar({ t, accounts, current, totalUnread }: { t: InboxStrings; accounts: InboxAccount[]; current: InboxAccount; totalUnread: number }) {
  const total = (
    <span className="shrink-0 rounded-full bg-blue-100 px-2 py-0.5 text-sm text-blue-900">
      <span data-testid="total-unread">{totalUnread}</span>
      <span className="sr-only"> {t.unreadWord(totalUnread)}</span>
    </span>
  );
  if (accounts.length <= 1) {
    return (
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
        <span className="min-w-0 flex-1 truncate font-medium">{current.name}</span>
        {total}
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
      <AccountSelect
        label={t.account}
        labelHidden
        accounts={accounts.map((account) => ({
          id: account.id,
          name: account.name,
          detail: String(account.id === current.id ? totalUnread : account.totalUnread),
        }))}
        currentId={current.id}
        hrefFor={(accountId) => `/inbox?account=${encodeURIComponent(accountId)}`}
        className="min-w-0 flex-1"
      />
      {total}
    </div>
  );
}
