import type { MessageView } from "@/lib/chats/message-view";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate } from "@/components/i18n/format";
import { groupByDay } from "./group-by-day";
import { MessageBubble } from "./message-bubble";
import type { InboxStrings } from "./messages";

/** The loaded history, oldest first, under a heading per day. */
export function MessageHistory({ t, locale, accountId, messages }: { t: InboxStrings; locale: Locale; accountId: string; messages: MessageView[] }) {
  return (
    <>
      {groupByDay(messages).map((group) => (
        <section key={group.day} aria-label={formatDate(locale, group.items[0]!.createdAt)} className="space-y-2">
          <h3 className="sticky top-0 z-10 mx-auto w-fit rounded-full bg-slate-200 px-3 py-0.5 text-xs font-medium text-slate-800">
            {formatDate(locale, group.items[0]!.createdAt)}
          </h3>
          {group.items.map((message) => (
            <MessageBubble key={message.id} t={t} locale={locale} accountId={accountId} message={message} />
          ))}
        </section>
      ))}
    </>
  );
}
