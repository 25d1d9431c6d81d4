import Link from "next/link";
import type { ChatView } from "@/lib/chats/chat-view";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate, formatTime } from "@/components/i18n/format";
import { chatHref } from "./api-paths";
import { chatTitle } from "./chat-title";
import { localDayKey } from "./group-by-day";
import { ozonPlainText } from "./parse-ozon-text";
import type { InboxStrings } from "./messages";

// The sync's preview of an image message (IMAGE_PREVIEW in lib/sync/store-messages.ts), shown in the page's language.
const IMAGE_PREVIEW = "[Image]";

function preview(t: InboxStrings, text: string | null): string {
  if (text === null) return t.noMessagesYet;
  return text === IMAGE_PREVIEW ? t.image : ozonPlainText(text);
}

function shortTime(locale: Locale, iso: string): string {
  return localDayKey(iso) === localDayKey(new Date().toISOString()) ? formatTime(locale, iso) : formatDate(locale, iso);
}

/** A chat in the list: who, which order, the last message and when, and how many are unread. */
export function ChatListItem({ t, locale, accountId, chat, active }: { t: InboxStrings; locale: Locale; accountId: string; chat: ChatView; active: boolean }) {
  const unread = chat.unreadCount > 0;
  return (
    <li>
      <Link
        href={chatHref(accountId, chat.id)}
        aria-current={active ? "page" : undefined}
        data-chat-link
        data-chat-id={chat.id}
        className={`block border-l-4 px-3 py-2 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-700 ${
          active ? "border-blue-700 bg-blue-50" : "border-transparent hover:bg-slate-50"
        }`}
      >
        <span className="flex items-baseline gap-2">
          <span className={`truncate ${unread ? "font-semibold" : "font-medium"}`}>{chatTitle(t, chat)}</span>
          {chat.orderNumber && <span className="truncate text-xs text-slate-700">{t.order(chat.orderNumber)}</span>}
          {chat.lastMessageAt && (
            <time dateTime={chat.lastMessageAt} suppressHydrationWarning className="ml-auto shrink-0 text-xs text-slate-700">
              {shortTime(locale, chat.lastMessageAt)}
            </time>
          )}
        </span>
        <span className="mt-0.5 flex items-center gap-2">
          <span className={`min-w-0 flex-1 truncate text-sm ${unread ? "text-slate-900" : "text-slate-700"}`}>
            {preview(t, chat.lastMessagePreview)}
          </span>
          {chat.status === "CLOSED" && <span className="shrink-0 rounded bg-slate-200 px-1.5 text-xs text-slate-800">{t.closed}</span>}
          {unread && (
            <span role="img" aria-label={t.unreadBadge(chat.unreadCount)} className="shrink-0 rounded-full bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white">
              {chat.unreadCount}
            </span>
          )}
        </span>
      </Link>
    </li>
  );
}
