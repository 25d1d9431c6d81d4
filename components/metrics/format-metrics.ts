import type { Locale } from "@/lib/i18n/locales";

const UNITS: Record<Locale, { d: string; h: string; min: string; s: string }> = {
  en: { d: "d", h: "h", min: "min", s: "s" },
  ru: { d: "д", h: "ч", min: "мин", s: "с" },
};

/** A duration in seconds as people read it: "45 s", "12 min", "2 h 05 min", "3 d 4 h"; null → the dash. */
export function formatDuration(locale: Locale, seconds: number | null, dash = "—"): string {
  if (seconds === null || !Number.isFinite(seconds)) return dash;
  const u = UNITS[locale];
  const s = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? "−" : "";
  if (s < 60) return `${sign}${s} ${u.s}`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${sign}${minutes} ${u.min}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${sign}${hours} ${u.h} ${String(minutes % 60).padStart(2, "0")} ${u.min}`;
  return `${sign}${Math.floor(hours / 24)} ${u.d} ${hours % 24} ${u.h}`;
}

/** A share 0–100 with one decimal at most: "50 %", "33.3 %" (Russian: "33,3 %"). */
export function formatPercent(locale: Locale, percent: number | null, dash = "—"): string {
  if (percent === null || !Number.isFinite(percent)) return dash;
  const n = new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 1 }).format(percent);
  return `${n} %`;
}

export function formatCount(locale: Locale, n: number | null, dash = "—"): string {
  return n === null ? dash : new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB").format(n);
}
