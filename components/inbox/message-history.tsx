import { memo, useMemo, useRef } from "react";
import type { MessageView } from "@/lib/chats/message-view";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate } from "@/components/i18n/format";
import { groupByDay, localDayKey, type DayGroup } from "./group-by-day";
import { MessageBubble } from "./message-bubble";
import type { InboxStrings } from "./messages";

/**
 * The loaded history, oldest first, under a heading per day. Memoised, as are its bubbles: the thread re-renders
 * for the composer and the sends, which leave the history as it was.
 */
export const MessageHistory = memo(function MessageHistory({ t, locale, accountId, messages }: { t: InboxStrings; locale: Locale; accountId: string; messages: MessageView[] }) {
  // Each message's day and each day's heading, worked out once while the thread is open: a new page adds its own.
  const days = useRef<Map<string, string>>(null);
  const headings = useRef<Map<string, string>>(null);
  const groups = useMemo(() => {
    const known = (days.current ??= new Map());
    const dayOf = (iso: string) => {
      let day = known.get(iso);
      if (day === undefined) {
        day = localDayKey(iso);
        known.set(iso, day);
      }
      return day;
    };
    return groupByDay(messages, dayOf);
  }, [messages]);
  const headingOf = (group: DayGroup<MessageView>) => {
    const known = (headings.current ??= new Map());
    const key = `${locale} ${group.day}`;
    let heading = known.get(key);
    if (heading === undefined) {
      heading = formatDate(locale, group.items[0]!.createdAt);
      known.set(key, heading);
    }
    return heading;
  };
  return (
    <>
      {groups.map((group) => (
        <section key={group.day} aria-label={headingOf(group)} className="space-y-2">
          <h3 className="sticky top-0 z-10 mx-auto w-fit rounded-full bg-slate-200 px-3 py-0.5 text-xs font-medium text-slate-800">
            {headingOf(group)}
          </h3>
          {group.items.map((message) => (
            <MessageBubble key={message.id} t={t} locale={locale} accountId={accountId} message={message} />
          ))}
        </section>
      ))}
    </>
  );
});
