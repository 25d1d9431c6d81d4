/**
 * Test helpers for stored seller accounts on the Ozon emulator:
 *
 *   const ozon = withEmulatorAsOzon();          // starts the emulator; OZON_API_URL points at it for the file
 *   forEachDatabase("…", (db) => {
 *     it("…", async () => {
 *       const account = await connectDemoAccount(db.prisma);   // demo-client, via createSellerAccount
 *     });
 *   });
 */
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator";
import "@/lib/auth/testing"; // the app's secrets for the test process
import type { Db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { createSellerAccount } from "./create-seller-account";
import type { AccountSummary } from "./load-account-summaries";

export type EmulatorHandle = { readonly url: string; reset(): Promise<void> };

/** Starts an emulator for the test file (port 0) and points OZON_API_URL at it; stops it afterwards. */
export function withEmulatorAsOzon(options: { rateLimit?: number } = {}): EmulatorHandle {
  let emulator: RunningEmulator | undefined;
  let previousUrl: string | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, quiet: true, rateLimit: options.rateLimit });
    previousUrl = process.env.OZON_API_URL;
    process.env.OZON_API_URL = emulator.url;
    resetEnvCache();
  });
  afterAll(async () => {
    if (previousUrl === undefined) delete process.env.OZON_API_URL;
    else process.env.OZON_API_URL = previousUrl;
    resetEnvCache();
    await emulator?.close();
  });
  const get = () => {
    if (!emulator) throw new Error("withEmulatorAsOzon: the emulator runs only inside tests and hooks");
    return emulator;
  };
  return {
    get url() {
      return get().url;
    },
    async reset() {
      const response = await fetch(`${get().url}/__emulator/reset`, { method: "POST" });
      if (!response.ok) throw new Error(`emulator reset failed: ${response.status}`);
    },
  };
}

/** Connects the emulator's Premium Plus seller (demo-client / demo-api-key) through createSellerAccount. */
export function connectDemoAccount(db: Db, name = "Demo shop"): Promise<AccountSummary> {
  return createSellerAccount(db, { name, clientId: "demo-client", apiKey: "demo-api-key" });
}
