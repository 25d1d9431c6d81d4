/**
 * The emulator's stand-in for Ozon's image CDN. Seeded and injected images point at hosts that do not exist
 * (cdn.ozon.example, cdn1.ozone.example), so tests never depend on a network; when the emulator is started with
 * `serveImages` (the demo), every answer and push carries them under its own origin instead, and it serves a
 * small picture for each, so the inbox shows images as it would from Ozon's CDN.
 */
const FAKE_CDN_ORIGINS = ["https://cdn.ozon.example/", "https://cdn1.ozone.example/"] as const;

export const FAKE_CDN_PATH = "/__emulator/cdn/";

/** `text` (a JSON body) with the fake CDN's URLs moved under `publicUrl`'s FAKE_CDN_PATH. */
export function rewriteFakeCdnUrls(text: string, publicUrl: string): string {
  let result = text;
  for (const origin of FAKE_CDN_ORIGINS) result = result.split(origin).join(`${publicUrl}${FAKE_CDN_PATH}`);
  return result;
}

/** A picture for one image path: a tinted card with the file's name, different per path (SVG). */
export function renderFakeCdnImage(path: string): string {
  const name = decodeURIComponent(path.split("/").pop() ?? "image").replace(/[^\p{L}\p{N}._-]/gu, "").slice(0, 40) || "image";
  let hash = 0;
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
<rect width="480" height="360" fill="hsl(${hue},45%,82%)"/>
<circle cx="150" cy="130" r="48" fill="hsl(${hue},45%,62%)"/>
<path d="M40 320 L180 180 L260 260 L330 200 L440 320 Z" fill="hsl(${hue},40%,52%)"/>
<text x="240" y="348" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#1e293b">${name}</text>
</svg>`;
}
