/**
 * Test helpers for stored seller accounts on the Ozon emulator:
 *
 *   const ozon = withEmulator({ asOzonApiUrl: true });  // lib/testing/with-emulator.ts: OZON_API_URL points at it
 *   forEachDatabase("…", (db) => {
 *     it("…", async () => {
 *       const account = await connectDemoAccount(db.prisma);   // demo-client, via createSellerAccount
 *     });
 *   });
 */
import { DEMO } from "@/emulator/testing";
import "@/lib/auth/testing"; // the app's secrets for the test process
import type { Db } from "@/lib/db/client";
import { createSellerAccount } from "./create-seller-account";
import type { AccountSummary } from "./load-account-summaries";

/** Connects the emulator's Premium Plus seller (demo-client / demo-api-key) through createSellerAccount. */
export function connectDemoAccount(db: Db, name = "Demo shop"): Promise<AccountSummary> {
  return createSellerAccount(db, { name, clientId: DEMO.clientId, apiKey: DEMO.apiKey });
}
