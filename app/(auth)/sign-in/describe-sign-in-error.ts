import type { Locale } from "@/lib/i18n/locales";
import { authMessages } from "../messages";

/**
 * The sign-in page's words for an error code: next-auth's own ("CredentialsSignin", ...) or ours (lib/auth/
 * sign-in-error-code.ts: "Deactivated", "TooManyAttempts_<minutes>"). Only known messages are ever shown: anything
 * else (whatever `?error=` a link carries) gets the one generic sentence, never its own text.
 */
export function describeSignInError(error: string | null | undefined, locale: Locale): string | null {
  if (!error) return null;
  const t = authMessages[locale];
  if (error === "CredentialsSignin") return t.wrongCredentials;
  if (error === "Deactivated") return t.deactivated;
  const wait = /^TooManyAttempts_(\d{1,4})$/.exec(error);
  if (wait) return t.tooManyAttempts(Math.max(1, Number(wait[1])));
  return t.unavailable;
}
