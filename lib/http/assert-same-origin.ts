import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/** Methods that change nothing: a cross-site GET can only read what the browser would not let it see anyway. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The app's own origin as the browser sees it: NEXTAUTH_URL when configured, else the scheme and host the request
 * came to (`next start` fills x-forwarded-proto/-host from the socket and Host when no proxy did). A page cannot set
 * these headers on a cross-origin request (they are not CORS-safelisted), so they only describe the real request.
 */
export function appOrigin(request: Request): string {
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // env.ts refuses a malformed NEXTAUTH_URL at start; fall back to the request.
    }
  }
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(/:$/, "");
  return `${proto}://${host}`.toLowerCase();
}

/**
 * Cross-site request forgery guard for every state-changing route (lib/http/handle-route.ts): a browser marks each
 * request with Sec-Fetch-Site and (for anything but GET/HEAD) Origin, and neither can be forged by a page. Refused
 * with 403: Sec-Fetch-Site other than same-origin or none (so same-site pages on another port or subdomain are
 * refused too; SameSite=Lax cookies do not stop them), or an Origin that is not the app's own (also "null").
 * Clients that are not browsers send neither header and pass: they hold no victim's cookie.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") throw new AppError("cross_site_refused");
  const origin = request.headers.get("origin");
  if (origin !== null && origin.toLowerCase() !== appOrigin(request)) throw new AppError("cross_site_refused");
}
