type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address for the sign-in limit: x-forwarded-for's first entry, else x-real-ip. `next start` fills
 * x-forwarded-for with the socket's address when no proxy did. Without a proxy that overwrites the header a client
 * can choose this value, so the per-address limit is a brake, not a wall; the per-email limit does not depend on it.
 */
export function getClientAddress(headers: HeaderSource): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || header(headers, "x-real-ip")?.trim();
  return address ? address.slice(0, 100) : "unknown";
}
