/** Test-only helpers for tests of the cache and its writers (sync, push, live). (The emulator: withEmulator from lib/testing/with-emulator.ts.) */
import type { PrismaClient } from "@/lib/db/generated/client";
import type { TestDatabase } from "@/lib/db/testing";
import type { OzonChatMessage, OzonChatSummary } from "@/lib/ozon";

/** A seller account row (the key is never used by the sync: tests pass connections directly). */
export async function createTestAccount(prisma: PrismaClient, clientId = "demo-client"): Promise<string> {
  const account = await prisma.sellerAccount.create({
    data: { name: `Shop ${clientId}`, clientId, apiKeyCiphertext: new Uint8Array([1, 2, 3]), apiKeyLast4: "-key" },
  });
  return account.id;
}

export function summary(chatId: string, over: Partial<OzonChatSummary> = {}): OzonChatSummary {
  return {
    chatId,
    chatStatus: "OPENED",
    chatType: "BUYER_SELLER",
    chatTypeRaw: "BUYER_SELLER",
    isBuyerChat: true,
    createdAt: "2026-11-01T10:00:00.000Z",
    firstUnreadMessageId: "0",
    lastMessageId: "0",
    unreadCount: 0,
    ...over,
  };
}

export function message(messageId: string, over: Partial<OzonChatMessage> = {}): OzonChatMessage {
  return {
    messageId,
    user: { id: "115568", type: "customer", rawType: "Customer" },
    createdAt: "2026-11-20T10:00:00.000Z",
    isRead: false,
    isImage: false,
    moderateImageStatus: null,
    data: [`text of ${messageId}`],
    context: null,
    ...over,
  };
}

/**
 * Ends the other sessions of a PostgreSQL test database while the app's pool still listens for their errors.
 * Without it, lib/db/testing.ts's teardown (pool.end(), which does not wait for the sockets to close, then
 * DROP DATABASE … WITH (FORCE)) can kill a pool session mid-close, and pg reports that as an unhandled error
 * that fails the run. A sync opens several pool sessions at once, so these files meet it more often than
 * others. Remove once testing.ts handles it (pool.on("error") before ending the pool).
 */
export async function closeOtherSessions(db: TestDatabase): Promise<void> {
  if (db.kind !== "postgres") return;
  await db.sql.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  for (let i = 0; i < 100; i++) {
    const [row] = await db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    if (row?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Let the pool take in the sessions' last messages before the teardown ends it.
  await new Promise((resolve) => setTimeout(resolve, 50));
}
