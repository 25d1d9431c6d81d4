"use client";

import { useRef } from "react";
import { checkAttachment } from "./check-attachment";
import type { InboxStrings } from "./messages";

/**
 * Picks a file and checks it against Ozon's limits (in words): a good one goes to `onPick` for a preview, nothing
 * is sent yet; a refused one is `onProblem`'s to show.
 */
export function AttachFileButton({
  t,
  disabled,
  describedBy,
  onPick,
  onProblem,
}: {
  t: InboxStrings;
  disabled: boolean;
  describedBy?: string;
  onPick: (file: File) => void;
  onProblem: (problem: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);

  function pick(file: File | undefined) {
    if (!file) return;
    const check = checkAttachment(file);
    if (check) {
      onProblem(check.problem === "type" ? t.fileTypeRefused : check.problem === "empty" ? t.fileEmpty : t.fileTooLarge(check.mib));
      return;
    }
    onProblem(null);
    onPick(file);
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-file-input"
        accept=".jpg,.jpeg,.png,.gif,.webp,.pdf,.heic"
        onChange={(event) => {
          pick(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
      <button
        type="button"
        disabled={disabled}
        aria-describedby={describedBy}
        onClick={() => input.current?.click()}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 md:min-h-9"
      >
        {t.attachFile}
      </button>
    </>
  );
}
