import { ApiRequestError } from "@/components/fetch-json";
import { describeApiError } from "@/components/i18n/describe-api-error";
import type { Locale } from "@/lib/i18n/locales";
import { ordersMessages } from "./messages";

/**
 * Why "Message buyer" did not open a chat, in the page's language. Ozon's refusal (409 window_closed: the window
 * closed since the page loaded, or only the buyer may start) says Ozon refused; anything else says the start failed.
 */
export function describeStartError(error: Error, locale: Locale): string {
  const t = ordersMessages[locale];
  const reason = describeApiError(locale, error);
  if (error instanceof ApiRequestError && error.code === "window_closed") return t.startRefused(reason);
  return t.startFailed(reason);
}
