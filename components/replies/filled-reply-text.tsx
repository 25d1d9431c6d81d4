import type { FilledReply } from "@/lib/replies/fill-reply-variables";

/**
 * A saved reply's text as it goes into a message: filled values tinted, a variable without a value marked (and said
 * so to a screen reader), so the agent sees what is left to write in. The composer's picker and the settings'
 * preview show it the same way.
 */
export function FilledReplyText({ parts, missingLabel }: { parts: FilledReply["parts"]; missingLabel: (name: string) => string }) {
  return parts.map((part, i) =>
    part.kind === "missing" ? (
      <mark key={i} className="rounded-sm bg-red-100 px-0.5 text-red-900 ring-1 ring-red-300" title={missingLabel(part.name)}>
        {`{${part.name}}`}
        <span className="sr-only"> ({missingLabel(part.name)})</span>
      </mark>
    ) : (
      <span key={i} className={part.kind === "value" ? "rounded-sm bg-green-50" : undefined}>
        {part.text}
      </span>
    ),
  );
}
