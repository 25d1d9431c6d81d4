import type { HighlightPart } from "@/lib/search/split-highlight";

/** A search snippet as text, its matches in <mark>: parts from the server, never HTML. */
export function HighlightedSnippet({ parts }: { parts: HighlightPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-slate-950">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
