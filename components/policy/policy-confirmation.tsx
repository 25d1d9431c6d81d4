"use client";

import { useEffect, useRef } from "react";
import { useMessages } from "@/components/i18n/locale-provider";
import type { OutgoingFlag } from "@/lib/policy/check-outgoing-text";
import { describeFlag } from "./describe-flag";
import { policyMessages } from "./messages";

/**
 * What the policy check found in a text about to be sent, each reason with the piece of text behind it; sending
 * needs "Send anyway". Focus moves to the panel so a keyboard user hears it and Escape goes back to the text.
 */
export function PolicyConfirmation({ flags, onConfirm, onCancel }: { flags: OutgoingFlag[]; onConfirm: () => void; onCancel: () => void }) {
  const t = useMessages(policyMessages);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div
      role="alert"
      data-testid="policy-confirmation"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
      className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-950"
    >
      <p className="font-medium">{t.flagsTitle}</p>
      <ul className="mt-1 list-disc pl-5">
        {flags.map((flag) => (
          <li key={flag.code} data-flag={flag.code}>
            {describeFlag(t, flag.code)}: <q className="break-all font-mono">{flag.match}</q>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          onClick={onConfirm}
          className="rounded-md bg-red-800 px-3 py-1 text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-900"
        >
          {t.sendAnyway}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        >
          {t.edit}
        </button>
      </div>
    </div>
  );
}
