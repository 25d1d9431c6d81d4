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

/** How long an address from which an email signed in stays "known" for that email (it may pass the email's lock). */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;
export const KNOWN_ADDRESS_PREFIX = "known:";

export function knownAddressKey(email: string, address: string): string {
  return `${KNOWN_ADDRESS_PREFIX}${email}|${address}`;
}
