/** A piece of an Ozon message: plain text, a safe link, or an image. */
export type OzonTextToken =
  | { type: "text"; text: string }
  | { type: "link"; text: string; href: string }
  | { type: "image"; alt: string; src: string };

// ![alt](url), [label](url), or a bare http(s) URL. Labels and alts never span brackets.
const PATTERN = /(!?)\[([^\]\n]*)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"»])/g;

/** Only http and https become links or images; anything else (javascript:, data:, mailto:) stays text. */
export function isSafeUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Splits Ozon's markdown-ish message text into tokens for rendering as React nodes (never as HTML).
 * A link or image whose address is not http(s) is kept as its original text.
 */
export function parseOzonText(text: string): OzonTextToken[] {
  const tokens: OzonTextToken[] = [];
  let last = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const previous = tokens[tokens.length - 1];
    if (previous?.type === "text") previous.text += value;
    else tokens.push({ type: "text", text: value });
  };
  for (const match of text.matchAll(PATTERN)) {
    const index = match.index;
    pushText(text.slice(last, index));
    last = index + match[0].length;
    const [whole, bang, label, target, bare] = match;
    if (bare !== undefined) {
      if (isSafeUrl(bare)) tokens.push({ type: "link", text: bare, href: bare });
      else pushText(bare);
    } else if (target !== undefined && isSafeUrl(target)) {
      if (bang) tokens.push({ type: "image", alt: label ?? "", src: target });
      else tokens.push({ type: "link", text: label || target, href: target });
    } else {
      pushText(whole);
    }
  }
  pushText(text.slice(last));
  return tokens;
}

/** The text as a reader sees it, without markup (for one-line previews). */
export function ozonPlainText(text: string): string {
  return parseOzonText(text)
    .map((token) => (token.type === "text" ? token.text : token.type === "link" ? token.text : token.alt))
    .join("");
}
