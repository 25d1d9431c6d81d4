/** The sign-in limit: failures counted per email and per client address over a sliding window. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export function emailAttemptKey(email: string): string {
  return `email:${email}`;
}

export function addressAttemptKey(address: string): string {
  return `ip:${address}`;
}
