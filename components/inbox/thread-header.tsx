import Link from "next/link";
import type { ChatView } from "@/lib/cache/chat-view";
import { chatTitle } from "./chat-title";
import type { InboxStrings } from "./messages";
import { orderHref } from "./order-href";
import { ProductThumb } from "./product-thumb";

/**
 * The open chat's name, its product's picture, its order (linked to the order page) and whether it is closed; on a
 * narrow screen, where the thread replaces the list, a way back to the list first.
 */
export function ThreadHeader({ t, accountId, chat, headingId }: { t: InboxStrings; accountId: string; chat: ChatView; headingId: string }) {
  const number = chat.postingNumber ?? chat.orderNumber;
  return (
    <div className="flex items-center gap-x-2 border-b border-slate-200 bg-white px-2 py-1 md:px-4 md:py-2">
      <Link
        href={`/inbox?account=${encodeURIComponent(accountId)}`}
        data-testid="back-to-chats"
        className="flex min-h-11 shrink-0 items-center gap-1 rounded-md px-2 text-sm text-blue-800 hover:bg-slate-100 md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 4l-6 6 6 6" />
        </svg>
        {t.backToChats}
      </Link>
      {chat.product && <ProductThumb t={t} src={chat.product.imageUrl} alt={t.productPicture(chat.product.name)} />}
      <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <h2 id={headingId} className="truncate text-base font-semibold md:text-lg">
          {chatTitle(t, chat)}
        </h2>
        {number && (
          <Link href={orderHref(accountId, number)} className="inline-flex min-h-6 items-center whitespace-nowrap text-sm text-blue-800 underline">
            {t.order(number)}
          </Link>
        )}
        {chat.status === "CLOSED" && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs text-slate-800">{t.closed}</span>}
      </div>
    </div>
  );
}
