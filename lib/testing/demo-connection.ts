/** Test-only: a connection to the emulator's demo seller, with short retry waits so that fault tests stay quick. */
import { DEMO } from "@/emulator/testing";
import type { OzonConnection } from "@/lib/ozon";

export function demoConnection(url: string, overrides: Partial<OzonConnection> = {}): OzonConnection {
  return {
    baseUrl: url,
    clientId: DEMO.clientId,
    apiKey: DEMO.apiKey,
    timeoutMs: 5000,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5000 },
    ...overrides,
  };
}
