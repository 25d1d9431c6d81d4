// What PostgreSQL refuses in text and jsonb: the NUL character, and UTF-16 halves without their partner (a
// lone surrogate cannot be written as UTF-8; jsonb refuses its \uD800 escape).
const REFUSED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The replacement character, so a reader sees that something unreadable stood there. */
const REPLACEMENT_CHARACTER = "\uFFFD";

/**
 * A string PostgreSQL stores and compares: every character it refuses becomes U+FFFD, the rest is unchanged.
 * Deterministic, so the same text from Ozon, from a push or from an agent always becomes the same stored text.
 */
export function makeTextStorable(text: string): string {
  REFUSED.lastIndex = 0;
  return REFUSED.test(text) ? text.replace(REFUSED, REPLACEMENT_CHARACTER) : text;
}
