import { ApiRequestError } from "@/components/fetch-json";
import type { Locale } from "@/lib/i18n/locales";
import { settingsMessages } from "./messages";

/** What was being done, so a bare code (409 conflict) can be told in words that fit. */
export type SettingsAction = "addAccount" | "changeAccount" | "addUser" | "changeUser" | "load";

/**
 * A failed settings request in the page's language. The server words its refusals in English for a person to read,
 * so English shows them as they are; Russian gets the same refusal translated by its code.
 */
export function describeSettingsError(error: unknown, locale: Locale, action: SettingsAction): string {
  const t = settingsMessages[locale];
  if (!(error instanceof ApiRequestError)) return t.failed;
  if (locale === "en" && error.message) return error.message;
  switch (error.code) {
    case "ozon_bad_credentials":
      return t.badCredentials;
    case "ozon_premium_required":
      return t.premiumRequired;
    case "conflict":
      if (action === "addAccount") return t.alreadyConnected;
      if (action === "addUser") return t.emailTaken;
      if (action === "changeUser") return t.lastAdmin;
      return t.conflict;
    case "invalid_input":
      return t.invalidInput;
    case "not_found":
      return t.notFound;
    case "forbidden":
      return t.forbidden;
    case "unauthenticated":
      return t.sessionEnded;
    case "rate_limited":
      return t.rateLimited;
    case "ozon_unavailable":
    case "outcome_unknown":
    case "ozon_access_denied":
      return t.ozonUnavailable;
    case "network":
      return t.unreachable;
    default:
      return t.failed;
  }
}
