import type { Locale } from "@/lib/i18n/locales";

const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", ru: "ru-RU" };

/** Ozon's price string ("2990.00") with its currency in the user's language; as given when it is not a number. */
export function formatPrice(locale: Locale, price: string | null, currencyCode: string | null): string | null {
  if (price === null || price.trim() === "") return null;
  const amount = Number(price);
  if (!Number.isFinite(amount)) return currencyCode ? `${price} ${currencyCode}` : price;
  if (!currencyCode) return new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  try {
    return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency: currencyCode }).format(amount);
  } catch {
    // A currency code Intl does not know.
    return `${amount.toFixed(2)} ${currencyCode}`;
  }
}
