import { beforeEach, expect, it } from "vitest";

import "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { hashPushToken } from "@/lib/push/hash-push-token";
import { withEmulator } from "@/lib/testing/with-emulator";

import { connectDemoPushes } from "./connect-demo-pushes";
import { seedDemoData } from "./seed-demo-data";

const ozon = withEmulator({ asOzonApiUrl: true });

forEachDatabase("connectDemoPushes", (db) => {
  beforeEach(() => db.reset());

  it("points the emulator's pushes for demo-client at the app, with the account's token, the same on every start", async () => {
    await seedDemoData(db.prisma, { ozonApiUrl: ozon.url });
    await connectDemoPushes(db.prisma, { emulatorUrl: ozon.url, appPort: 3123 });
    const first = (await ozon.control.pushConfigs()).configs.find((c) => c.client_id === "demo-client")!.url!;
    await connectDemoPushes(db.prisma, { emulatorUrl: ozon.url, appPort: 3123 });
    const second = (await ozon.control.pushConfigs()).configs.find((c) => c.client_id === "demo-client")!.url!;
    expect(second).toBe(first);
    const match = /^http:\/\/127\.0\.0\.1:3123\/api\/push\/([A-Za-z0-9_-]{43})$/.exec(first);
    expect(match).not.toBeNull();
    const account = await db.prisma.sellerAccount.findUniqueOrThrow({ where: { clientId: "demo-client" } });
    expect(account.pushTokenHash).toBe(hashPushToken(match![1]!));
  });
});
