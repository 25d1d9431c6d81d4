"use client";

import { useEffect, useId, useRef } from "react";
import { buttonClass, dangerButtonClass } from "./styles";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * A modal question before something that cannot be undone. The native <dialog> opened with showModal() keeps focus
 * inside, closes on Escape and gives focus back to the button that opened it; Cancel comes first, so it has focus.
 */
export function ConfirmDialog({ open, title, body, confirmLabel, cancelLabel, pending, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={() => {
        if (open) onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <p id={bodyId} className="mb-4 text-sm text-slate-700">
        {body}
      </p>
      <div role="alert" className="mb-3 text-sm text-red-700 empty:hidden">
        {error}
      </div>
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={dangerButtonClass} onClick={onConfirm} disabled={pending} aria-busy={pending}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
