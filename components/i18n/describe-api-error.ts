import type { Locale } from "@/lib/i18n/locales";
import { apiErrorMessages } from "./messages";

export type ApiErrorLike = { code?: string | null; message?: string | null } | null | undefined;

/**
 * A server refusal in the page's language. The server words its refusals in English for a person to read, so an
 * English page shows them as they are; a Russian page gets the refusal told again from its stable code, so no page
 * mixes the two languages.
 */
export function describeApiError(locale: Locale, error: ApiErrorLike): string {
  const t = apiErrorMessages[locale];
  if (locale === "en" && error?.message) return error.message;
  return t.byCode[error?.code ?? ""] ?? t.fallback;
}
