import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale } from "@/components/i18n/locale-provider";
import type { InboxStrings } from "./messages";
import type { OutgoingItem } from "./outgoing";

/** A message from this inbox on its way: pending, sent, or failed with the reason and Retry. */
export function OutgoingBubble({ t, item, onRetry }: { t: InboxStrings; item: OutgoingItem; onRetry: () => void }) {
  const failed = item.state === "failed" || item.state === "unknown";
  const locale = useLocale();
  // A reason kept from an earlier attempt has no code: told again from the row's state.
  const code = item.code ?? (item.state === "unknown" ? "outcome_unknown" : null);
  const reason =
    code === "window_closed" ? t.windowClosedWhy : (item.reason ?? code) !== null ? describeApiError(locale, { code, message: item.reason }) : null;
  return (
    <article className="flex justify-end" data-testid="outgoing-message" data-state={item.state}>
      <div className={`max-w-[75%] rounded-lg px-3 py-2 shadow-sm ring-1 ${failed ? "bg-red-50 ring-red-300" : "bg-blue-50 ring-blue-200"}`}>
        <p className="mb-1 flex items-baseline gap-2 text-xs text-slate-700">
          <span className="font-semibold">{t.authorUs}</span>
          <span role="status">{item.state === "pending" ? t.pending : item.state === "sent" ? t.sent : item.state === "unknown" ? t.unknownOutcome : t.failed}</span>
        </p>
        <p className="whitespace-pre-wrap break-words">{item.kind === "FILE" ? t.file(item.fileName ?? "") : item.text}</p>
        {failed && (
          <div className="mt-2 text-sm text-red-900">
            {reason && <p>{reason}</p>}
            <button
              type="button"
              onClick={onRetry}
              className="mt-1 rounded-md bg-red-800 px-3 py-1 text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-900"
            >
              {t.retry}
            </button>
          </div>
        )}
      </div>
    </article>
  );
}
