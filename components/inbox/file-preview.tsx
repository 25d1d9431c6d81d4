"use client";

import { useEffect, useId, useRef, useState } from "react";
import { MESSAGE_TEXT_MAX_CHARS, countCodePoints } from "@/lib/ozon/validate-message-text";
import type { InboxStrings } from "./messages";

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*;base64,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsDataURL(file);
  });
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A chosen file before anything reaches Ozon: what it is (a picture shows itself), an optional caption (sent as a
 * message right after the file) and Send / Cancel. Escape cancels.
 */
export function FilePreview({
  t,
  file,
  onSend,
  onCancel,
}: {
  t: InboxStrings;
  file: File;
  onSend: (name: string, base64: string, caption: string) => void;
  onCancel: () => void;
}) {
  const [caption, setCaption] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const ids = { heading: useId(), caption: useId(), problem: useId() };
  const captionBox = useRef<HTMLInputElement>(null);
  const isImage = file.type.startsWith("image/") && file.type !== "image/heic";
  const tooLong = countCodePoints(caption) > MESSAGE_TEXT_MAX_CHARS;

  useEffect(() => {
    if (!isImage) return;
    let live = true;
    const reader = new FileReader();
    reader.onload = () => {
      if (live) setUrl(String(reader.result));
    };
    reader.readAsDataURL(file);
    return () => {
      live = false;
    };
  }, [file, isImage]);
  useEffect(() => captionBox.current?.focus(), []);

  async function send() {
    if (tooLong) return;
    setBusy(true);
    try {
      onSend(file.name, await readAsBase64(file), caption.trim());
    } catch {
      setProblem(t.fileUnreadable);
      setBusy(false);
    }
  }

  return (
    <div
      role="group"
      aria-labelledby={ids.heading}
      data-testid="file-preview"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
      className="mb-2 rounded-md border border-slate-300 bg-slate-50 p-2"
    >
      <p id={ids.heading} className="mb-2 text-sm font-medium">
        {t.fileToSend}
      </p>
      <div className="flex min-w-0 items-center gap-3">
        {url ? (
          // The agent's own file, read locally: next/image has nothing to optimise here.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={url} alt={file.name} className="h-16 w-16 shrink-0 rounded object-cover ring-1 ring-slate-300" />
        ) : (
          <span aria-hidden="true" className="flex h-16 w-16 shrink-0 items-center justify-center rounded bg-white text-xs font-semibold uppercase text-slate-600 ring-1 ring-slate-300">
            {file.name.split(".").pop()}
          </span>
        )}
        <p className="min-w-0 text-sm">
          <span className="block break-all font-medium">{file.name}</span>
          <span className="text-slate-700">{sizeText(file.size)}</span>
        </p>
      </div>
      <label htmlFor={ids.caption} className="mt-2 block text-sm">
        {t.fileCaption}
      </label>
      <input
        ref={captionBox}
        id={ids.caption}
        value={caption}
        aria-describedby={problem || tooLong ? ids.problem : undefined}
        onChange={(event) => setCaption(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            void send();
          }
        }}
        className="mt-1 block min-h-11 w-full rounded-md border border-slate-300 px-2 md:min-h-9"
      />
      {(problem || tooLong) && (
        <p id={ids.problem} role="alert" className="mt-1 text-sm text-red-800">
          {problem ?? t.reasonTooLong(countCodePoints(caption), MESSAGE_TEXT_MAX_CHARS)}
        </p>
      )}
      <div className="mt-2 flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100 md:min-h-9">
          {t.cancelFile}
        </button>
        <button
          type="button"
          disabled={busy || tooLong}
          onClick={() => void send()}
          className="min-h-11 rounded-md bg-blue-700 px-4 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-slate-400 md:min-h-9"
        >
          {t.sendFile}
        </button>
      </div>
    </div>
  );
}
