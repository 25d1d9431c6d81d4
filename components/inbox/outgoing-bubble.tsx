import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale } from "@/components/i18n/locale-provider";
import type { InboxStrings } from "./messages";
import type { OutgoingItem } from "./outgoing";

/**
 * A message from this inbox on its way, in words for each state: sending; checking with Ozon (its fate is unknown,
 * the server settles it: never "not sent"), with a quiet "Check now"; sent; not sent, with Ozon's reason and Retry.
 */
export function OutgoingBubble({
  t,
  item,
  closedReason,
  onRetry,
}: {
  t: InboxStrings;
  item: OutgoingItem;
  /** Why the chat takes no message now (the server's reply state, in words), else null. */
  closedReason: string | null;
  onRetry: () => void;
}) {
  const failed = item.state === "failed";
  const locale = useLocale();
  // A send the reply window refused is not retried: it cannot succeed until the buyer writes (the chat says so, in
  // the page's language, after a reload too).
  const windowRefused = failed && (item.code === "window_closed" || closedReason !== null);
  const reason = windowRefused
    ? (closedReason ?? t.windowClosedWhy)
    : item.code !== null
      ? describeApiError(locale, { code: item.code, params: item.params })
      : item.reason !== null
        ? // A row that failed before its code was kept has Ozon's reason in English only.
          locale === "en"
          ? item.reason
          : describeApiError(locale, null)
        : null;
  const status = { pending: t.pending, checking: t.checking, sent: t.sent, failed: t.failed }[item.state];
  return (
    <article className="flex justify-end" data-testid="outgoing-message" data-state={item.state}>
      <div className={`max-w-[75%] rounded-lg px-3 py-2 shadow-sm ring-1 ${failed ? "bg-red-50 ring-red-300" : "bg-blue-50 ring-blue-200"}`}>
        <p className="mb-1 flex items-baseline gap-2 text-xs text-slate-700">
          <span className="font-semibold">{t.authorUs}</span>
          <span role="status">{status}</span>
        </p>
        <p className="whitespace-pre-wrap break-words">{item.kind === "FILE" ? t.file(item.fileName ?? "") : item.text}</p>
        {item.state === "checking" && (
          <div className="mt-2 text-sm text-slate-800">
            <p>{t.checkingWhy}</p>
            <button
              type="button"
              onClick={onRetry}
              className="mt-1 rounded-md px-2 py-1 text-blue-900 underline ring-1 ring-blue-300 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-900"
            >
              {t.checkNow}
            </button>
          </div>
        )}
        {failed && (
          <div className="mt-2 text-sm text-red-900">
            {reason && <p>{reason}</p>}
            {!windowRefused && (
              <button
                type="button"
                onClick={onRetry}
                className="mt-1 rounded-md bg-red-800 px-3 py-1 text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-900"
              >
                {t.retry}
              </button>
            )}
          </div>
        )}
      </div>
    </article>
  );
}
