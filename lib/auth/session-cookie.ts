/**
 * next-auth's session cookie: `__Secure-` prefixed when the app is served over https, plain otherwise; a token
 * too big for one cookie is split into `<name>.0`, `<name>.1`, ... (ours never is, but a reader must not break).
 */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** The session token carried by a request's Cookie header, or null. */
export function readSessionToken(request: Request): string | null {
  const cookies = parseCookies(request.headers.get("cookie") ?? "");
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`)!);
    if (chunks.length > 0) return chunks.join("");
  }
  return null;
}
