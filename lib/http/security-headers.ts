/** Ozon's image hosts (its CDN serves chat images from subdomains of these). */
const OZON_IMAGE_SOURCES = ["https://*.ozon.ru", "https://*.ozone.ru", "https://*.ozonusercontent.com"] as const;

export type SecurityHeaderOptions = {
  /** A fresh random value per request: the only inline scripts allowed are Next's own, which carry it. */
  nonce: string;
  /** Served over https (directly or behind a proxy that says so): HSTS is sent. */
  https: boolean;
  /** next dev: React's development build needs eval. */
  development: boolean;
  /** Where images may come from beside Ozon's CDN: the emulator (and its fake CDN) when the app talks to it. */
  extraImageSources?: readonly string[];
};

/**
 * The Content-Security-Policy of every answer: scripts only from this origin or with the request's nonce (Next adds
 * it to its own inline scripts; 'strict-dynamic' lets those load the chunks they need); styles from this origin
 * (plus inline style attributes, which React writes); images from this origin, data:/blob: (attachment previews)
 * and Ozon's CDN; every fetch and the event stream to this origin only; no plugins, no <base>, forms post only
 * here, and no page may frame the app.
 */
function buildContentSecurityPolicy(options: SecurityHeaderOptions): string {
  const images = ["'self'", "data:", "blob:", ...OZON_IMAGE_SOURCES, ...(options.extraImageSources ?? [])];
  const scripts = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images.join(" ")}`,
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every security header of an answer (page, API, asset): see README "Security". */
export function buildSecurityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": buildContentSecurityPolicy(options),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
