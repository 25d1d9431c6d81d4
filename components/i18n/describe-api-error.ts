import { describeError } from "@/lib/errors/describe-error";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A failed request in the page's language, from its code and parameters (an ApiRequestError, a bulk result's
 * error, `{ code, params }`) and the one catalog of error words, lib/errors/error-words.ts: never the server's English
 * on a Russian page. Anything without a code the catalog knows gets a plain "did not work" sentence.
 */
export function describeApiError(locale: Locale, error: unknown): string {
  const { code, params } = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; params?: unknown };
  return describeError(locale, typeof code === "string" ? code : null, typeof params === "object" && params !== null ? (params as Record<string, unknown>) : {});
}
