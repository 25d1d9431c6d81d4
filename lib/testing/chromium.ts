/**
 * Debian's Chromium, as the browser tests and the benchmarks start it: `npx playwright install` cannot download a
 * browser here. Without the background-networking flags Chromium keeps trying to reach Google's hosts, which this
 * closed network refuses.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
