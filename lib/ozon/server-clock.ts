/**
 * Ozon's clock as its answers' Date header shows it, per API base URL, in this process.
 *
 * Ozon measures its reply windows (48 h, 72 h) on its own clock. Against Ozon the difference from ours is noise
 * (a second's resolution, the network's delay) and is taken as 0 below a minute; against the emulator, whose clock
 * tests move forward by days, it is what makes the inbox see the same windows the emulator enforces.
 */
const NOISE_MS = 60_000;
// One map per process, whichever bundle imports this module (Next.js builds each route and the instrumentation
// apart): what the background sync saw of Ozon's clock is what a route sees.
const shared = globalThis as typeof globalThis & { __sellerInboxOzonClock?: Map<string, number> };
const offsets = (shared.__sellerInboxOzonClock ??= new Map<string, number>());

function key(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

/** Notes the Date header of an answer received at `receivedAtMs` (our clock). Ignores a missing or bad header. */
export function recordServerDate(baseUrl: string, dateHeader: string | null, receivedAtMs: number = Date.now()): void {
  if (!dateHeader) return;
  const serverMs = Date.parse(dateHeader);
  if (Number.isNaN(serverMs)) return;
  // The header has whole seconds: the server's time was somewhere in the second it names.
  offsets.set(key(baseUrl), serverMs + 500 - receivedAtMs);
}

/** Ozon's clock minus ours in whole seconds (0 within a minute), or null when no answer was seen yet. */
export function readServerClockOffsetSeconds(baseUrl: string): number | null {
  const ms = offsets.get(key(baseUrl));
  if (ms === undefined) return null;
  return Math.abs(ms) < NOISE_MS ? 0 : Math.round(ms / 1000);
}
