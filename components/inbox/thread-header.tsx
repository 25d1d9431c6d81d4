import Link from "next/link";
import type { ChatView } from "@/lib/chats/chat-view";
import { chatTitle } from "./chat-title";
import type { InboxStrings } from "./messages";
import { orderHref } from "./order-href";

/** The open chat's name, its order (linked to the order page) and whether it is closed. */
export function ThreadHeader({ t, accountId, chat, headingId }: { t: InboxStrings; accountId: string; chat: ChatView; headingId: string }) {
  const number = chat.postingNumber ?? chat.orderNumber;
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-4 py-2">
      <h2 id={headingId} className="text-lg font-semibold">
        {chatTitle(t, chat)}
      </h2>
      {number && (
        <Link href={orderHref(accountId, number)} className="text-sm text-blue-800 underline">
          {t.order(number)}
        </Link>
      )}
      {chat.status === "CLOSED" && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs text-slate-800">{t.closed}</span>}
    </div>
  );
}
