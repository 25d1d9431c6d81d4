"use client";

import { useId, useRef, useState } from "react";
import { checkAttachment } from "./check-attachment";
import type { InboxStrings } from "./messages";

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*;base64,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsDataURL(file);
  });
}

/** Picks a file within Ozon's limits (checked here, in words) and hands it over as base64. */
export function AttachFileButton({ t, disabled, onFile }: { t: InboxStrings; disabled: boolean; onFile: (name: string, base64: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  async function pick(file: File | undefined) {
    if (!file) return;
    const check = checkAttachment(file);
    if (check) {
      setProblem(check.problem === "type" ? t.fileTypeRefused : check.problem === "empty" ? t.fileEmpty : t.fileTooLarge(check.mib));
      return;
    }
    try {
      const base64 = await readAsBase64(file);
      setProblem(null);
      onFile(file.name, base64);
    } catch {
      setProblem(t.fileUnreadable);
    }
  }

  return (
    <div>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-file-input"
        accept=".jpg,.jpeg,.png,.gif,.webp,.pdf,.heic"
        onChange={(event) => {
          void pick(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
      <button
        type="button"
        disabled={disabled}
        aria-describedby={problem ? problemId : undefined}
        onClick={() => input.current?.click()}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      >
        {t.attachFile}
      </button>
      {problem && (
        <p id={problemId} role="alert" className="mt-1 text-sm text-red-800">
          {problem}
        </p>
      )}
    </div>
  );
}
