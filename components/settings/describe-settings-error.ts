import { ApiRequestError } from "@/components/fetch-json";
import { describeApiError } from "@/components/i18n/describe-api-error";
import type { Locale } from "@/lib/i18n/locales";
import { settingsMessages } from "./messages";

/**
 * A failed settings request in the page's language: the server's refusal from its code (one meaning each: an email
 * taken, the last administrator, an account already connected), a thrown non-API error as "something went wrong".
 */
export function describeSettingsError(error: unknown, locale: Locale): string {
  if (!(error instanceof ApiRequestError)) return settingsMessages[locale].failed;
  return describeApiError(locale, error);
}
