import { BlockList, isIP } from "node:net";

/** Strips an IPv4-mapped IPv6 prefix ("::ffff:203.0.113.5" → "203.0.113.5") and brackets/ports a proxy may add. */
function normalizeAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return address;
}

/** A BlockList of the configured proxies ("10.0.0.0/8", "2001:db8::/32", "192.0.2.7"). Throws on a malformed entry. */
export function toTrustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [base, bits] = entry.trim().split("/");
    const address = normalizeAddress(base ?? "");
    const family = isIP(address);
    if (family === 0) throw new Error(`not an IP address: ${entry}`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new Error(`not a prefix length: ${entry}`);
      list.addSubnet(address, prefix, type);
    }
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then X-Forwarded-For is read from
 * the right, skipping trusted proxies, and the first address not trusted is the client (a client may prepend
 * anything, but cannot forge what the trusted proxies appended). Without trusted proxies X-Forwarded-For is
 * ignored entirely. "unknown" when the peer is not known.
 */
export function resolveClientAddress(input: { peer: string | undefined; forwardedFor: string | undefined; trusted: BlockList | null }): string {
  const peer = input.peer ? normalizeAddress(input.peer) : "";
  if (!peer) return "unknown";
  if (!input.trusted || !isTrusted(input.trusted, peer)) return peer.slice(0, 100);
  const chain = (input.forwardedFor ?? "").split(",").map(normalizeAddress).filter((entry) => entry !== "");
  let client = peer;
  for (let index = chain.length - 1; index >= 0; index--) {
    const hop = chain[index]!;
    if (isIP(hop) === 0) break; // garbage from the client's side: stop at the last good hop
    client = hop;
    if (!isTrusted(input.trusted, hop)) break;
  }
  return client.slice(0, 100);
}
