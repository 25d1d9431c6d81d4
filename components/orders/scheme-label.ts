import type { PostingView } from "@/lib/cache/posting-view";
import type { Locale } from "@/lib/i18n/locales";

type Scheme = PostingView["scheme"];

const SCHEME_WORDS: Record<Scheme, Record<Locale, string>> = {
  FBO: { en: "Ozon's warehouse", ru: "склад Ozon" },
  FBS: { en: "seller's warehouse, Ozon delivers", ru: "склад продавца, доставка Ozon" },
  rFBS: { en: "seller's warehouse, seller delivers", ru: "склад продавца, доставка продавцом" },
};

/** Ozon's short name (FBO, FBS, rFBS), which agents know, with what it means: who stores and who delivers. */
export function schemeLabel(scheme: Scheme, locale: Locale): string {
  return `${scheme} (${SCHEME_WORDS[scheme][locale]})`;
}
