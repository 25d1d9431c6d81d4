/** What a search box's text is: a posting number, an order number, a SKU (digits), or words. */
export type SearchQueryKind = { kind: "posting"; value: string } | { kind: "order"; value: string } | { kind: "sku"; value: string } | { kind: "words"; value: string };

const POSTING = /^\d{4,12}-\d{4}-\d{1,3}$/;
const ORDER = /^\d{4,12}-\d{4}$/;
const SKU = /^\d{5,20}$/;

/** Classifies a query after trimming (a leading "№" or "#" is dropped from a number). */
export function classifySearchQuery(query: string): SearchQueryKind {
  const text = query.trim().replace(/\s+/g, " ");
  const number = text.replace(/^(?:№|#)\s*/, "");
  if (POSTING.test(number)) return { kind: "posting", value: number };
  if (ORDER.test(number)) return { kind: "order", value: number };
  if (SKU.test(number)) return { kind: "sku", value: number };
  return { kind: "words", value: text };
}
