import { LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

/** The locale of a request or page render, from its headers (the remembered choice, then Accept-Language). */
export function getRequestLocale(headers: Headers): Locale {
  const cookie = headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return negotiateLocale(cookie, headers.get("accept-language"));
}
