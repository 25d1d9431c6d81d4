import { isAppError } from "@/lib/errors/app-error";

/**
 * The code next-auth carries to the sign-in page (`error`) for a refusal of ours: a word, never a sentence, so the
 * page chooses what it shows (app/(auth)/sign-in/describe-sign-in-error.ts) and a link's `?error=` cannot make it
 * show anything else. "Unavailable" for anything unexpected (the details go to the server log).
 */
export function signInErrorCode(error: unknown): string {
  if (isAppError(error, "sign_in_rate_limited")) return `TooManyAttempts_${error.params.minutes}`;
  if (isAppError(error, "user_deactivated")) return "Deactivated";
  return "Unavailable";
}
