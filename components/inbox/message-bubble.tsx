import Link from "next/link";
import { memo } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageView } from "@/lib/cache/message-view";
import { formatTime } from "@/components/i18n/format";
import { ScamWarning } from "@/components/policy/scam-warning";
import { authorLabel } from "./author-label";
import { MessageImage } from "./message-image";
import type { InboxStrings } from "./messages";
import { orderHref } from "./order-href";
import { parseOzonText } from "./parse-ozon-text";
import { RenderOzonText } from "./render-ozon-text";

type MessageBubbleProps = {
  t: InboxStrings;
  locale: Locale;
  accountId: string;
  message: MessageView;
  /** The first of a run of one author's messages: author and time are shown (to screen readers always). */
  runStart: boolean;
  /** The message names another order than the one before it. */
  showOrder: boolean;
};

/**
 * One message of the history: who wrote it, when, and what (text, image, order link). Memoised: loading an older
 * page or a refetch re-renders the history, and a message the cache kept (same object) has nothing new to show.
 */
export const MessageBubble = memo(function MessageBubble({ t, locale, accountId, message, runStart, showOrder }: MessageBubbleProps) {
  const ours = message.authorType === "seller";
  const image = message.isImage ? parseOzonText(message.text).find((token) => token.type === "image") : undefined;
  return (
    <article data-message-id={message.id} data-run-start={runStart || undefined} className={`flex ${ours ? "justify-end" : "justify-start"} ${runStart ? "mt-3" : "mt-1"}`}>
      <div className={`max-w-[85%] min-w-0 rounded-lg px-3 py-2 shadow-sm md:max-w-[75%] ${ours ? "bg-blue-50 ring-1 ring-blue-200" : "bg-white ring-1 ring-slate-200"}`}>
        <p className={runStart ? "mb-1 flex items-baseline gap-2 text-xs text-slate-700" : "sr-only"}>
          <span className="font-semibold">{authorLabel(t, message)}</span>
          <time dateTime={message.createdAt}>{formatTime(locale, message.createdAt)}</time>
        </p>
        {image && image.type === "image" ? (
          <MessageImage t={t} src={image.src} alt={image.alt} moderationStatus={message.moderationStatus} />
        ) : (
          <p className="whitespace-pre-wrap break-words">
            <RenderOzonText text={message.text} />
          </p>
        )}
        {message.scamSigns && <ScamWarning signs={message.scamSigns} />}
        {message.orderNumber && showOrder && (
          <p className="mt-1 text-xs">
            <Link href={orderHref(accountId, message.orderNumber)} className="text-blue-800 underline">
              {t.orderLink(message.orderNumber)}
            </Link>
          </p>
        )}
      </div>
    </article>
  );
});
