/**
 * Test-only: the emulator's call counts without the calls of the questions-and-reviews poll (lib/feedback, counted in
 * its own tests) and the shop name and product cards it reads, for tests that count a sync's chat calls.
 */
import type { EmulatorCalls } from "@/emulator/testing";

const FEEDBACK_PATHS = /^\/v[12]\/(question|review)\/|^\/v3\/product\/info\/list$|^\/v1\/seller\/info$/;

export function chatCallsOnly(calls: EmulatorCalls): EmulatorCalls {
  const byPath = Object.entries(calls.by_path).filter(([path]) => !FEEDBACK_PATHS.test(path));
  const total = byPath.reduce((sum, [, n]) => sum + n, 0);
  const removed = calls.total - total;
  return {
    total,
    by_path: Object.fromEntries(byPath),
    // Per client: the feedback calls are all the demo seller's in these tests.
    by_client: Object.fromEntries(Object.entries(calls.by_client).map(([c, n]) => [c, c === "demo-client" ? n - removed : n])),
  };
}
