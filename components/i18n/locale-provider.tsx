"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** The page's language, decided on the server (see getRequestLocale) so server and browser render the same words. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** A feature's strings (from defineMessages) in the page's language. */
export function useMessages<T>(messages: Record<Locale, T>): T {
  return messages[useLocale()];
}
