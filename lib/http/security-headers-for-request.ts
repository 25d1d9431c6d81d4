import { getEnv, OZON_PRODUCTION_API_URL } from "@/lib/env";
import { buildSecurityHeaders } from "./security-headers";

/**
 * The security headers of one answer (buildSecurityHeaders with this deployment's settings): HSTS when the request
 * came over https (directly, or as a proxy's X-Forwarded-Proto says), the emulator's image origins when the app talks
 * to it, and a fresh nonce.
 */
export function securityHeadersForRequest(headers: Headers, protocol: string): Record<string, string> {
  const env = getEnv();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const https = (forwardedProto ?? protocol.replace(/:$/, "")) === "https";
  // Talking to the emulator (demo, tests): its images come from its own origin and its stand-in CDN.
  const extraImageSources = env.OZON_API_URL === OZON_PRODUCTION_API_URL ? [] : [new URL(env.OZON_API_URL).origin, "https://cdn.ozon.example"];
  return buildSecurityHeaders({ nonce, https, development: env.NODE_ENV === "development", extraImageSources });
}
