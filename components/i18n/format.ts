import type { Locale } from "@/lib/i18n/locales";

const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", ru: "ru-RU" };

/** Date and time in the user's language and (in the browser) time zone. */
export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium" }).format(new Date(iso));
}

export function formatTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeStyle: "short" }).format(new Date(iso));
}

/** Day, month and time without the year ("8 Dec, 07:59"; "8 дек., 07:59"): a deadline in the next days. */
export function formatDayTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}
