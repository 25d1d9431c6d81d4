"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";

export type AccountOption = { id: string; name: string; /** e.g. the account's unread count */ detail?: string };

/** Chooses the seller account a page works on; the choice lives in the URL (`hrefFor`), so it can be linked. */
export function AccountSelect({
  label,
  labelHidden = false,
  accounts,
  currentId,
  hrefFor,
  className = "",
}: {
  label: string;
  labelHidden?: boolean;
  accounts: AccountOption[];
  currentId: string;
  hrefFor: (accountId: string) => string;
  className?: string;
}) {
  const router = useRouter();
  const selectId = useId();
  return (
    <>
      <label htmlFor={selectId} className={labelHidden ? "sr-only" : "text-slate-700"}>
        {label}
      </label>
      <select
        id={selectId}
        value={currentId}
        onChange={(event) => router.push(hrefFor(event.target.value))}
        className={`rounded-md border border-slate-400 bg-white px-2 py-1 ${className}`}
      >
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.detail === undefined ? account.name : `${account.name} (${account.detail})`}
          </option>
        ))}
      </select>
    </>
  );
}
