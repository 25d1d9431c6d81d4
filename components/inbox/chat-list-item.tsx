import Link from "next/link";
import { memo } from "react";
import type { ChatView } from "@/lib/cache/chat-view";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate, formatDayMonth, formatDayTime, formatTime } from "@/components/i18n/format";
import { useMessages } from "@/components/i18n/locale-provider";
import { ChatRowTeam } from "@/components/team/chat-row-team";
import { teamMessages } from "@/components/team/messages";
import { chatHref } from "./api-paths";
import { authorLabel } from "./author-label";
import { chatTitle } from "./chat-title";
import { localDayKey } from "./group-by-day";
import { ozonPlainText } from "./parse-ozon-text";
import { ProductThumb } from "./product-thumb";
import type { InboxStrings } from "./messages";

// The sync's preview of an image message (IMAGE_PREVIEW in lib/cache/store-messages.ts), shown in the page's language.
const IMAGE_PREVIEW = "[Image]";

function preview(t: InboxStrings, text: string | null): string {
  if (text === null) return t.noMessagesYet;
  return text === IMAGE_PREVIEW ? t.image : ozonPlainText(text);
}

function shortTime(locale: Locale, iso: string): string {
  if (localDayKey(iso) === localDayKey(new Date().toISOString())) return formatTime(locale, iso);
  // This year's dates without the year: the row keeps its room for the order number.
  const sameYear = new Date(iso).getFullYear() === new Date().getFullYear();
  return sameYear ? formatDayMonth(locale, iso) : formatDate(locale, iso);
}

/** The buyer wrote last and the window to answer has a deadline (the server's reply state). */
function answerOwed(chat: ChatView): boolean {
  return chat.replyState.canReply && chat.replyState.until !== null && chat.lastMessageAuthor === "customer";
}

/**
 * A chat in the list. What tells buyer chats apart comes first: the product's picture, the order number (never
 * cut), then who wrote the last message and what, when, and how many are unread. Memoised: a live change renders the
 * rows of the chats it changed, not the whole list (the cache keeps an unchanged chat's object).
 */
export const ChatListItem = memo(function ChatListItem({
  t,
  locale,
  accountId,
  chat,
  active,
  selected = false,
  onToggleSelect,
  onOpen,
}: {
  t: InboxStrings;
  locale: Locale;
  accountId: string;
  chat: ChatView;
  active: boolean;
  /** Selected for the bulk actions (a checkbox beside the link: touch-sized, outside it). */
  selected?: boolean;
  onToggleSelect?: (chatId: string) => void;
  /** A plain click or Enter on the row (not one that opens a new tab): may take over the navigation. */
  onOpen?: (navigation: { preventDefault: () => void }, chat: ChatView) => void;
}) {
  const teamT = useMessages(teamMessages);
  const unread = chat.unreadCount > 0;
  const number = chat.postingNumber ?? chat.orderNumber;
  const kind = chatTitle(t, chat);
  const author = chat.lastMessageAuthor && chat.lastMessagePreview !== null ? authorLabel(t, { authorType: chat.lastMessageAuthor, sentBy: null }) : null;
  return (
    <li className="flex">
      {onToggleSelect && (
        <span className="flex w-11 shrink-0 items-center justify-center md:w-8">
          <input
            type="checkbox"
            className="h-5 w-5 md:h-4 md:w-4"
            checked={selected}
            onChange={() => onToggleSelect(chat.id)}
            aria-label={teamT.select(number ? t.order(number) : kind)}
            data-testid="select-chat"
          />
        </span>
      )}
      <Link
        href={chatHref(accountId, chat.id)}
        aria-current={active ? "page" : undefined}
        data-chat-link
        data-chat-id={chat.id}
        onNavigate={onOpen && ((navigation) => onOpen(navigation, chat))}
        // The chat opens in place (onOpen): Next's prefetch of its page for every row in view would be server work
        // for nothing; its messages are prefetched at the first sign of interest (use-chat-open-intent.ts).
        prefetch={onOpen ? false : undefined}
        className={`flex min-h-11 min-w-0 flex-1 items-start gap-2 border-l-4 px-3 py-2 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-700 ${
          active ? "border-blue-700 bg-blue-50" : "border-transparent hover:bg-slate-50"
        }`}
      >
        {(chat.isBuyerChat || chat.product) && (
          <ProductThumb t={t} src={chat.product?.imageUrl ?? null} alt={!chat.product || number ? "" : t.productPicture(chat.product.name)} />
        )}
        <span className="block min-w-0 flex-1">
          {/* On a narrow row the product and the time wrap below the order number, which is never cut. */}
          <span className="flex flex-wrap items-baseline gap-x-2">
            {number ? (
              <>
                <span data-testid="chat-order-number" className={`shrink-0 whitespace-nowrap tabular-nums ${unread ? "font-semibold" : "font-medium"}`}>
                  {t.order(number)}
                </span>
                {/* A chat with an order is a buyer's: what was bought tells it apart better than its kind. */}
                <span className="min-w-0 flex-1 basis-24 truncate text-xs text-slate-700" data-testid="chat-product" title={chat.product?.name}>
                  {chat.product ? t.products(chat.product.name, chat.product.count - 1) : kind}
                </span>
              </>
            ) : (
              <span className={`min-w-0 truncate ${unread ? "font-semibold" : "font-medium"}`}>{kind}</span>
            )}
            {chat.lastMessageAt && (
              <time dateTime={chat.lastMessageAt} suppressHydrationWarning className="ml-auto shrink-0 whitespace-nowrap text-xs text-slate-700">
                {shortTime(locale, chat.lastMessageAt)}
              </time>
            )}
          </span>
          <span className="mt-0.5 flex items-center gap-2">
            <span className={`min-w-0 flex-1 truncate text-sm ${unread ? "text-slate-900" : "text-slate-700"}`}>
              {author && <span className="font-medium">{author}: </span>}
              {preview(t, chat.lastMessagePreview)}
            </span>
            {answerOwed(chat) && (
              <time dateTime={chat.replyState.until!} suppressHydrationWarning data-testid="answer-by" className="shrink-0 text-xs text-amber-900">
                {t.answerBy(formatDayTime(locale, chat.replyState.until!))}
              </time>
            )}
            {chat.status === "CLOSED" && <span className="shrink-0 rounded bg-slate-200 px-1.5 text-xs text-slate-800">{t.closed}</span>}
            {unread && (
              <span role="img" aria-label={t.unreadBadge(chat.unreadCount)} className="shrink-0 rounded-full bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white">
                {chat.unreadCount}
              </span>
            )}
          </span>
          <ChatRowTeam accountId={accountId} chat={chat} />
        </span>
      </Link>
    </li>
  );
});
