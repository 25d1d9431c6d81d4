"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import { teamMessages } from "./messages";

/** "Anna is viewing", "Boris is typing…": the other agents in this chat now (a polite live region). */
export function PresenceLine({ others }: { others: { name: string; typing: boolean }[] }) {
  const t = useMessages(teamMessages);
  const typing = others.filter((other) => other.typing).map((other) => other.name);
  const viewing = others.filter((other) => !other.typing).map((other) => other.name);
  return (
    <p role="status" data-testid="presence" className={others.length ? "bg-sky-50 px-2 py-1 text-sm text-sky-950 md:px-4" : "sr-only"}>
      {typing.length > 0 && <span data-testid="presence-typing">{t.isTyping(typing.join(", "))} </span>}
      {viewing.length > 0 && <span data-testid="presence-viewing">{t.isViewing(viewing.join(", "))}</span>}
    </p>
  );
}
