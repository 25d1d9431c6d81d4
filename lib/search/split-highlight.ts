/** Markers ts_headline puts around a match (control characters no chat text carries). */
export const HIGHLIGHT_START = "\u0001";
export const HIGHLIGHT_STOP = "\u0002";

export type HighlightPart = { text: string; match: boolean };

/**
 * A snippet with markers, as plain parts for the browser to render as text (matches in <mark>): no HTML ever
 * travels, so a message cannot inject any.
 */
export function splitHighlight(snippet: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  for (const [index, piece] of snippet.split(HIGHLIGHT_START).entries()) {
    if (index === 0) {
      if (piece) parts.push({ text: piece.replaceAll(HIGHLIGHT_STOP, ""), match: false });
      continue;
    }
    const stop = piece.indexOf(HIGHLIGHT_STOP);
    const matched = stop === -1 ? piece : piece.slice(0, stop);
    const rest = stop === -1 ? "" : piece.slice(stop + 1).replaceAll(HIGHLIGHT_STOP, "");
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}
