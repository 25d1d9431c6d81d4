import type { Locale } from "./locales";

/** A message is a string, or a function of its parameters (for numbers, plurals and names). */
export type Message = string | ((...args: never[]) => string);
export type Messages = Record<string, Message>;

/**
 * One feature's strings in every language. English is the reference: Russian must have exactly its keys with the
 * same parameters, so a missing translation is a type error, not a page that mixes languages.
 */
export function defineMessages<English extends Messages>(messages: {
  en: English;
  ru: NoInfer<Translation<English>>;
}): Record<Locale, Translation<English>> {
  return messages as Record<Locale, Translation<English>>;
}

/** The same keys, any text: a string literal in English must not force the same literal in Russian. */
export type Translation<English extends Messages> = { [K in keyof English]: English[K] extends string ? string : English[K] };

/** Russian plural forms: 1 чат, 2 чата, 5 чатов. */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
