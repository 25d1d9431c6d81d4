"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import type { ScamSignCode } from "@/lib/policy/policy-rules";
import { describeScamSign } from "./describe-flag";
import { policyMessages } from "./messages";

/** The server marked a buyer's message as a likely scam: why, and what not to do. */
export function ScamWarning({ signs }: { signs: ScamSignCode[] }) {
  const t = useMessages(policyMessages);
  return (
    <p data-testid="scam-warning" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-950">
      <strong>{t.scamTitle}:</strong> {signs.map((code) => describeScamSign(t, code)).join("; ")}. {t.scamAdvice}
    </p>
  );
}
