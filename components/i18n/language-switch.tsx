"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { useLocale, useMessages } from "./locale-provider";
import { languageMessages } from "./messages";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Switches the UI language and remembers the choice in a cookie, so the server renders it next time too. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useMessages(languageMessages);
  const router = useRouter();
  const selectId = useId();
  // A label beside the select, not around it: wrapped, the chosen option's text would join the select's name.
  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <label htmlFor={selectId}>{t.language}</label>
      <select
        id={selectId}
        value={locale}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
          router.refresh();
        }}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-2 lg:min-h-9"
      >
        <option value="en">{t.english}</option>
        <option value="ru">{t.russian}</option>
      </select>
    </span>
  );
}
