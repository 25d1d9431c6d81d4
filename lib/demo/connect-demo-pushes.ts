import type { Db } from "@/lib/db/client";
import { readPushToken } from "@/lib/push/read-push-token";

import { DEMO_CLIENT_ID } from "./seed-demo-data";

/**
 * Demo wiring: gives the demo account its push URL (issued once, kept across restarts) and tells the emulator to push
 * the demo seller's chat events there (its control API, POST /__emulator/push), as a seller would paste the URL into
 * Ozon's portal. The demo and the browser tests then receive pushes like a connected shop.
 */
export async function connectDemoPushes(db: Db, { emulatorUrl, appPort }: { emulatorUrl: string; appPort: number }): Promise<void> {
  const account = await db.sellerAccount.findUniqueOrThrow({ where: { clientId: DEMO_CLIENT_ID }, select: { id: true } });
  const token = await readPushToken(db, account.id);
  const response = await fetch(`${emulatorUrl}/__emulator/push`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: DEMO_CLIENT_ID, url: `http://127.0.0.1:${appPort}/api/push/${token}` }),
  });
  // The URL holds the token: the error names the status only.
  if (!response.ok) throw new Error(`The emulator refused the demo's push URL (HTTP ${response.status}).`);
}
