"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useLocale } from "@/components/i18n/locale-provider";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { buttonClass, primaryButtonClass } from "./styles";
import { useImportSavedReplies } from "./use-saved-replies";

/** Saved replies as a file: export (JSON or CSV, the replies this user sees) and import (all of a file, or none). */
export function SavedReplyFile() {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useImportSavedReplies();
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSuccess(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t.chooseFile);
      input.current?.focus();
      return;
    }
    const content = await file.text();
    // By its name or type; a file with neither says it by its first character (JSON opens with [ or {).
    const format = /\.csv$/i.test(file.name) || file.type === "text/csv" ? "csv" : /\.json$/i.test(file.name) || /^\uFEFF?\s*[[{]/.test(content) ? "json" : "csv";
    upload.mutate(
      { format, content },
      {
        onSuccess: ({ imported, skipped }) => {
          setSuccess(t.imported(imported, skipped));
          if (input.current) input.current.value = "";
        },
        onError: (cause) => setError(describeSettingsError(cause, locale)),
      },
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 border-t border-slate-200 pt-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t.fileHeading}
      </h2>
      <p className="text-sm text-slate-600">{t.fileIntro}</p>
      <div className="flex flex-wrap gap-2">
        <a className={buttonClass} href="/api/replies/export?format=json" download>
          {t.exportJson}
        </a>
        <a className={buttonClass} href="/api/replies/export?format=csv" download>
          {t.exportCsv}
        </a>
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
            {t.importFile}
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".json,.csv,application/json,text/csv"
            className="block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm md:file:min-h-0"
          />
        </div>
        <button type="submit" className={primaryButtonClass} disabled={upload.isPending} aria-busy={upload.isPending}>
          {upload.isPending ? t.importingFile : t.importButton}
        </button>
      </form>
      <FormMessage error={error} success={success} />
    </section>
  );
}
