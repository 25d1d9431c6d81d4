"use client";

import Link from "next/link";
import { useMessages } from "@/components/i18n/locale-provider";
import { chatHref } from "@/components/inbox/api-paths";
import { searchMessages } from "./messages";

/** Under a thread opened at a search result, when newer messages follow: the way to the newest ones. */
export function NewerMessagesLink({ accountId, chatId }: { accountId: string; chatId: string }) {
  const t = useMessages(searchMessages);
  return (
    <p className="flex flex-wrap items-center justify-center gap-2 text-sm text-slate-700">
      {t.newerMessages}
      <Link href={chatHref(accountId, chatId)} replace className="font-medium text-blue-800 underline">
        {t.showLatest}
      </Link>
    </p>
  );
}
