import type { Locale } from "@/lib/i18n/locales";
import { authMessages } from "../messages";

/**
 * next-auth's error codes, and our own refusals (which the server writes in English words), in the page's language.
 * English keeps the server's words, which may say more; other languages get the known refusals translated.
 */
export function describeSignInError(error: string | null | undefined, locale: Locale): string | null {
  if (!error) return null;
  const t = authMessages[locale];
  if (error === "CredentialsSignin") return t.wrongCredentials;
  if (/^[A-Z][A-Za-z]+$/.test(error)) return t.unavailable; // another next-auth code, e.g. "Configuration"
  if (locale === "en") return error;
  if (/deactivated/i.test(error)) return t.deactivated;
  const wait = /too many failed sign-in attempts.*?(\d+) minute/i.exec(error);
  if (wait) return t.tooManyAttempts(Number(wait[1]));
  return t.unavailable;
}
