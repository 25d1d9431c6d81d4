import { NextResponse, type NextRequest } from "next/server";
import { getEnv, OZON_PRODUCTION_API_URL } from "@/lib/env";
import { buildSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Next 16's proxy (formerly middleware), on every request: a fresh CSP nonce and the security headers
 * (lib/http/security-headers.ts). The policy also travels on the request, where Next's renderer reads the nonce
 * and puts it on its own inline scripts (every page is rendered per request: the root layout reads headers()).
 */
export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const https = (forwardedProto ?? request.nextUrl.protocol.replace(/:$/, "")) === "https";
  // Talking to the emulator (demo, tests): its images come from its own origin and its stand-in CDN.
  const extraImageSources = env.OZON_API_URL === OZON_PRODUCTION_API_URL ? [] : [new URL(env.OZON_API_URL).origin, "https://cdn.ozon.example"];
  const headers = buildSecurityHeaders({ nonce, https, development: env.NODE_ENV === "development", extraImageSources });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
