/** Where a sign-in ends up when the requested destination is not allowed (or none was given). */
export const DEFAULT_DESTINATION = "/";

// Control characters and the backslash (which browsers read as "/" in http(s) URLs), raw or percent-encoded.
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

function decodeFully(text: string): string | null {
  let current = text;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null; // still changing after five rounds: not a destination anyone means honestly
}

/**
 * The one rule for every redirect the app makes (next-auth's callbackUrl, the sign-in form's navigation): only a
 * path on the app's own origin, as `/path?query#hash`; anything else becomes "/". Given an absolute URL it must be
 * on `origin`. Refused: other origins and schemes (`http://evil`, `javascript:`), protocol-relative forms (`//evil`,
 * `/\evil`, `\\evil`, with tabs or newlines between, or percent-encoded as `/%2F`, `/%5C`) and control characters.
 * Pure, so the browser and the server apply the same rule.
 */
export function safeRedirectPath(destination: string | null | undefined, origin: string): string {
  if (!destination) return DEFAULT_DESTINATION;
  const raw = destination.trim();
  if (raw.length > 2000 || FORBIDDEN.test(raw)) return DEFAULT_DESTINATION;
  const decoded = decodeFully(raw);
  if (decoded === null || FORBIDDEN.test(decoded)) return DEFAULT_DESTINATION;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base);
  } catch {
    return DEFAULT_DESTINATION;
  }
  if (url.origin !== base.origin || (url.protocol !== "http:" && url.protocol !== "https:")) return DEFAULT_DESTINATION;
  // A relative destination must itself be a path: "evil.example" or "?x" would otherwise resolve under the origin
  // harmlessly, but "https:evil" style forms are better refused than interpreted.
  if (!/^https?:\/\//i.test(raw) && !raw.startsWith("/")) return DEFAULT_DESTINATION;
  const path = `${url.pathname}${url.search}${url.hash}`;
  const decodedPath = decodeFully(url.pathname);
  if (!path.startsWith("/") || path.startsWith("//") || decodedPath === null || decodedPath.startsWith("//")) return DEFAULT_DESTINATION;
  return path;
}
