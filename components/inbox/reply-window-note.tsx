"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { formatDayTime } from "@/components/i18n/format";
import { refreshChatOrder } from "@/components/query-cache/team-cache";
import type { ReplyState } from "@/lib/reply-window/reply-state";
import type { Locale } from "@/lib/i18n/locales";
import type { InboxStrings } from "./messages";

/** Below this much time left, the deadline also says how long is left. */
const COUNTDOWN_FROM_MS = 24 * 3_600_000;
const MINUTE = 60_000;

/**
 * The quiet line over the composer while the chat has a deadline: "You can answer until 8 Dec, 07:59", with the
 * time left near the end. When the deadline passes, the server is asked again (it decides; the tab does not).
 */
export function ReplyWindowNote({ t, locale, accountId, chatId, replyState }: { t: InboxStrings; locale: Locale; accountId: string; chatId: string; replyState: ReplyState }) {
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());
  const until = replyState.canReply && replyState.until ? Date.parse(replyState.until) : null;

  useEffect(() => {
    if (until === null) return;
    const tick = setInterval(() => setNow(Date.now()), MINUTE);
    // A second after the deadline: what the server says now (its own clock decides).
    const expire = setTimeout(
      () => void refreshChatOrder(queryClient, accountId, chatId),
      Math.min(Math.max(until - Date.now() + 1_000, 0), 2 ** 31 - 1),
    );
    return () => {
      clearInterval(tick);
      clearTimeout(expire);
    };
  }, [until, accountId, chatId, queryClient]);

  if (until === null || !replyState.until) return null;
  const left = Math.max(0, until - now);
  const countdown = left < COUNTDOWN_FROM_MS ? t.replyLeft(Math.floor(left / 3_600_000), Math.floor((left % 3_600_000) / MINUTE)) : null;
  return (
    <p data-testid="reply-deadline" className="mb-2 text-sm text-slate-700">
      <time dateTime={replyState.until} suppressHydrationWarning>
        {t.replyUntil(formatDayTime(locale, replyState.until))}
      </time>
      {countdown && <span className={left < 2 * 3_600_000 ? "font-medium text-amber-900" : undefined}> · {countdown}</span>}
    </p>
  );
}
