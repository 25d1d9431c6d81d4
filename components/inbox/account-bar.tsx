"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import type { InboxStrings } from "./messages";

export type InboxAccount = { id: string; name: string; totalUnread: number };

/** The account being worked (a switcher when there are several) and its unread total. */
export function AccountBar({ t, accounts, current, totalUnread }: { t: InboxStrings; accounts: InboxAccount[]; current: InboxAccount; totalUnread: number }) {
  const router = useRouter();
  const selectId = useId();
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
      <label htmlFor={selectId} className="sr-only">
        {t.account}
      </label>
      <select
        id={selectId}
        value={current.id}
        onChange={(event) => router.push(`/inbox?account=${encodeURIComponent(event.target.value)}`)}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name} ({account.id === current.id ? totalUnread : account.totalUnread})
          </option>
        ))}
      </select>
      {total}
    </div>
  );
}
