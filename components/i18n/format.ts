import type { Locale } from "@/lib/i18n/locales";

const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", ru: "ru-RU" };

type Style = "dateTime" | "date" | "time" | "dayTime" | "dayMonth";
const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
  time: { timeStyle: "short" },
  dayTime: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
  dayMonth: { day: "numeric", month: "short" },
};

// A formatter is costly to make (ICU data): one per language and style, not one per date shown (a chat list
// shows two dates a row).
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, style: Style, iso: string): string {
  const key = `${locale} ${style}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], STYLES[style])));
  return formatter.format(new Date(iso));
}

/** Date and time in the user's language and (in the browser) time zone. */
export function formatDateTime(locale: Locale, iso: string): string {
  return format(locale, "dateTime", iso);
}

export function formatDate(locale: Locale, iso: string): string {
  return format(locale, "date", iso);
}

export function formatTime(locale: Locale, iso: string): string {
  return format(locale, "time", iso);
}

/** Day, month and time without the year ("8 Dec, 07:59"; "8 дек., 07:59"): a deadline in the next days. */
export function formatDayTime(locale: Locale, iso: string): string {
  return format(locale, "dayTime", iso);
}

/** Day and month ("8 Dec"; "8 дек."): a date of this year where room is short. */
export function formatDayMonth(locale: Locale, iso: string): string {
  return format(locale, "dayMonth", iso);
}
