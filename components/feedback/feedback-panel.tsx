"use client";

import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import type { ChatView } from "@/lib/cache/chat-view";
import type { MessageView } from "@/lib/cache/message-view";
import { feedbackMessages } from "./messages";
import { useFeedbackAnswer } from "./use-feedback-answer";

/**
 * Beside a product question's or review's thread: the product (picture, name, SKU), Ozon's status of the item, a
 * review's rating and photos, and our answers with their moderation state and Delete.
 */
export function FeedbackPanel({ accountId, chat, messages }: { accountId: string; chat: ChatView; messages: MessageView[] }) {
  const t = useMessages(feedbackMessages);
  const locale = useLocale();
  const { remove } = useFeedbackAnswer(accountId, chat.id);
  const feedback = chat.feedback;
  if (!feedback) return null;
  const ours = messages.filter((m) => m.authorType === "seller");
  const name = chat.product?.name ?? t.unknownProduct;
  return (
    <aside aria-label={t.productRegion} className="border-b border-slate-200 bg-white p-3 text-sm xl:w-72 xl:overflow-y-auto xl:border-b-0 xl:border-l" data-testid="feedback-panel">
      <div className="flex gap-3">
        {feedback.imageUrl && (
          // Ozon's CDN picture, shown as is (the CSP allows Ozon's image hosts).
          // eslint-disable-next-line @next/next/no-img-element
          <img src={feedback.imageUrl} alt={t.productImage(name)} width={64} height={64} className="h-16 w-16 shrink-0 rounded object-cover ring-1 ring-slate-200" />
        )}
        <div className="min-w-0">
          <p className="font-medium break-words" data-testid="feedback-product">{name}</p>
          {feedback.sku && <p className="text-xs text-slate-700">{t.sku(feedback.sku)}</p>}
          {feedback.status && <p className="text-xs text-slate-700">{t.ozonStatus(feedback.status)}</p>}
        </div>
      </div>
      {feedback.rating !== null && (
        <p className="mt-2" data-testid="feedback-rating">
          <span aria-hidden="true" className="text-amber-600">
            {"★".repeat(feedback.rating)}
            {"☆".repeat(Math.max(0, 5 - feedback.rating))}
          </span>{" "}
          <span>{t.rating(feedback.rating)}</span>
        </p>
      )}
      {feedback.photos.length > 0 && (
        <section className="mt-2" aria-label={t.photos}>
          <h3 className="text-xs font-medium text-slate-700">{t.photos}</h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {feedback.photos.map((photo, i) => (
              <li key={photo.url}>
                <a href={photo.url} target="_blank" rel="noreferrer noopener" className="block rounded focus-visible:outline-2 focus-visible:outline-blue-700">
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={photo.url} alt={t.photo(i + 1)} width={56} height={56} className="h-14 w-14 rounded object-cover ring-1 ring-slate-200" />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {ours.length > 0 && (
        <section className="mt-3" aria-label={t.ourAnswers}>
          <h3 className="text-xs font-medium text-slate-700">{t.ourAnswers}</h3>
          <ul className="mt-1 space-y-2">
            {ours.map((m) => (
              <li key={m.id} className="rounded border border-slate-200 p-2" data-testid="our-answer">
                <p className="line-clamp-3 break-words">{m.text}</p>
                <div className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-700">
                  <span data-testid="answer-moderation">{t.moderation(m.moderationStatus)}</span>
                  <button
                    type="button"
                    onClick={() => remove.mutate(m.id)}
                    disabled={remove.isPending}
                    aria-label={t.deleteAnswerLabel(m.text.slice(0, 40))}
                    className="min-h-8 rounded-md px-2 text-red-800 ring-1 ring-red-300 hover:bg-red-50 disabled:opacity-60"
                  >
                    {t.deleteAnswer}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {remove.isError && (
        <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-red-900">
          {describeApiError(locale, remove.error)}
        </p>
      )}
    </aside>
  );
}
