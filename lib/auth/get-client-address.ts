import type { BlockList } from "node:net";
import { getEnv } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/net/peer-address-header";
import { resolveClientAddress, toTrustedProxyList } from "@/lib/net/resolve-client-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

let trustedCache: { entries: readonly string[]; list: BlockList | null } | undefined;

function trustedProxies(): BlockList | null {
  const entries = getEnv().TRUSTED_PROXIES;
  if (trustedCache?.entries !== entries) trustedCache = { entries, list: entries.length > 0 ? toTrustedProxyList(entries) : null };
  return trustedCache.list;
}

/**
 * The client's network address, for the sign-in limits and the push receiver's "Ozon's networks only": the socket's
 * peer (stamped by the server, lib/net/install-peer-address-stamp.ts); X-Forwarded-For counts only behind a proxy
 * listed in TRUSTED_PROXIES (lib/net/resolve-client-address.ts). "unknown" without a peer.
 */
export function getClientAddress(headers: HeaderSource): string {
  return resolveClientAddress({
    peer: header(headers, PEER_ADDRESS_HEADER),
    forwardedFor: header(headers, "x-forwarded-for"),
    trusted: trustedProxies(),
  });
}
