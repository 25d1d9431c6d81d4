import type { Locale } from "@/lib/i18n/locales";
import { errorWords, unknownErrorWords } from "./error-words";

/**
 * An error's words in a language, from its code and parameters. A code without words, or parameters its words
 * cannot use (an answer from another version of the server), gets a plain sentence instead of nothing.
 */
export function describeError(locale: Locale, code: string | null | undefined, params: Record<string, unknown> = {}): string {
  const words = errorWords[locale];
  if (!code || !Object.hasOwn(words, code)) return unknownErrorWords[locale];
  try {
    return (words[code as keyof typeof words] as (params: Record<string, unknown>) => string)(params);
  } catch {
    return unknownErrorWords[locale];
  }
}
