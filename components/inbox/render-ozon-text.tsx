import { Fragment } from "react";
import { parseOzonText } from "./parse-ozon-text";

/**
 * Ozon's message text as React nodes: links only for http(s), opening in a new tab without access to this one;
 * everything else as text. Images are handled by the bubble (they depend on moderation), so here they are links.
 */
export function RenderOzonText({ text }: { text: string }) {
  return (
    <>
      {parseOzonText(text).map((token, index) => {
        if (token.type === "text") return <Fragment key={index}>{token.text}</Fragment>;
        const href = token.type === "link" ? token.href : token.src;
        const label = token.type === "link" ? token.text : token.alt || token.src;
        return (
          <a key={index} href={href} target="_blank" rel="noopener noreferrer" className="break-all text-blue-800 underline">
            {label}
          </a>
        );
      })}
    </>
  );
}
