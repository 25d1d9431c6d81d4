import { readCookie } from "@/lib/text/read-cookie";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

/** The locale of a request or page render, from its headers (the remembered choice, then Accept-Language). */
export function getRequestLocale(headers: Headers): Locale {
  return negotiateLocale(readCookie(headers.get("cookie"), LOCALE_COOKIE), headers.get("accept-language"));
}
