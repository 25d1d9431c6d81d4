import { memo, useMemo, useRef } from "react";
import type { MessageView } from "@/lib/cache/message-view";
import type { Locale } from "@/lib/i18n/locales";
import { formatDate } from "@/components/i18n/format";
import { findRunStarts } from "./find-run-starts";
import { groupByDay, localDayKey, type DayGroup } from "./group-by-day";
import { MessageBubble } from "./message-bubble";
import type { InboxStrings } from "./messages";

type MessageHistoryProps = {
  t: InboxStrings;
  locale: Locale;
  accountId: string;
  messages: MessageView[];
  /** The first message that was unread when the chat was opened: a divider goes above it. */
  unreadFromId: string | null;
};

/**
 * The loaded history, oldest first, under a heading per day, in runs of one author's messages, with a divider
 * where the unread ones began. Memoised, as are its bubbles: the thread re-renders for the composer and the sends,
 * which leave the history as it was.
 */
export const MessageHistory = memo(function MessageHistory({ t, locale, accountId, messages, unreadFromId }: MessageHistoryProps) {
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
      {groups.map((group) => {
        const runStarts = findRunStarts(group.items);
        // An order link where the conversation turns to another order than the last one named, not on every message.
        let lastOrder: string | null = null;
        const showOrder = group.items.map((message) => {
          if (!message.orderNumber || message.orderNumber === lastOrder) return false;
          lastOrder = message.orderNumber;
          return true;
        });
        return (
          <section key={group.day} aria-label={headingOf(group)}>
            {/* An opaque band across the thread: stuck at the top, it hides what passes under it, never overlaps it. */}
            <h3 className="sticky top-0 z-10 -mx-4 flex justify-center bg-slate-50 py-1.5">
              <span className="rounded-full bg-slate-200 px-3 py-0.5 text-xs font-medium text-slate-800">{headingOf(group)}</span>
            </h3>
            {group.items.map((message, index) => (
              <div key={message.id}>
                {message.id === unreadFromId && (
                  <div role="separator" aria-label={t.unreadDivider} data-testid="unread-divider" className="my-3 flex items-center gap-2 text-xs font-semibold text-blue-800">
                    <span className="h-px flex-1 bg-blue-300" />
                    <span aria-hidden="true">{t.unreadDivider}</span>
                    <span className="h-px flex-1 bg-blue-300" />
                  </div>
                )}
                <MessageBubble
                  t={t}
                  locale={locale}
                  accountId={accountId}
                  message={message}
                  runStart={runStarts[index]! || message.id === unreadFromId}
                  showOrder={showOrder[index]!}
                />
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
});
