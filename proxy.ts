import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_SEARCH_HEADER } from "@/lib/http/request-search-header";
import { securityHeadersForRequest } from "@/lib/http/security-headers-for-request";

/**
 * Next 16's proxy (formerly middleware), on every request: a fresh CSP nonce and the security headers
 * (lib/http/security-headers.ts). The policy also travels on the request, where Next's renderer reads the nonce
 * and puts it on its own inline scripts (every page is rendered per request: the root layout reads headers()); so does
 * the query string, for the layouts (lib/http/request-search-header.ts).
 * Ozon's pushes do not come this way (lib/push/install-push-receiver.ts answers them before Next sees them).
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeadersForRequest(request.headers, request.nextUrl.protocol);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  requestHeaders.set(REQUEST_SEARCH_HEADER, request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
