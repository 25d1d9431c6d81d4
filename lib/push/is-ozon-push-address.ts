/** Ozon's published source networks for push notifications (contract §11.1). */
export const OZON_PUSH_NETWORKS = ["195.34.21.0/24", "185.73.192.0/22", "91.223.93.0/24"] as const;

function ipv4ToNumber(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/**
 * Whether an address lies in one of Ozon's push networks. IPv4 only (Ozon publishes no IPv6 range); an IPv4-mapped
 * IPv6 address ("::ffff:195.34.21.7", as a dual-stack socket reports it) counts as its IPv4 address.
 */
export function isOzonPushAddress(address: string): boolean {
  const plain = address.trim().replace(/^::ffff:/i, "");
  const value = ipv4ToNumber(plain);
  if (value === null) return false;
  return OZON_PUSH_NETWORKS.some((network) => {
    const [base, bits] = network.split("/") as [string, string];
    const size = 2 ** (32 - Number(bits));
    const start = ipv4ToNumber(base)!;
    return value >= start && value < start + size;
  });
}
