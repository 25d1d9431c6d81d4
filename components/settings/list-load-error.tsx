"use client";

import { useLocale } from "@/components/i18n/locale-provider";
import { describeSettingsError } from "./describe-settings-error";
import { settingsMessages } from "./messages";
import { buttonClass } from "./styles";

/** A settings list that could not be read again: why, and a button to try once more. */
export function ListLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700">
      {t.loadFailed} {describeSettingsError(error, locale)}
      <button type="button" className={buttonClass} onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
