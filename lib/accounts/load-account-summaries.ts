import type { Db } from "@/lib/db/client";
import type { ConnectionStatus, Prisma, PremiumStatus, SyncPhase } from "@/lib/db/generated/client";

/** A seller account as the UI shows it; never the key, only its last four characters. */
export type AccountSummary = {
  id: string;
  name: string;
  clientId: string;
  apiKeyLast4: string;
  /** ISO date-time; null when Ozon did not say. */
  keyExpiresAt: string | null;
  /** The key expires within 14 days (or already has): time to make a new one in the Ozon seller portal. */
  keyExpiresSoon: boolean;
  premiumStatus: PremiumStatus;
  connectionStatus: ConnectionStatus;
  lastSyncAt: string | null;
  sync: {
    phase: SyncPhase;
    chatsDone: number;
    chatsTotal: number;
    lastError: string | null;
    lastErrorAt: string | null;
    /** When Ozon last refused buyer chats to this subscription (plain Premium), ISO; null: it shows them. */
    buyerChatsRefusedAt: string | null;
    /** When Ozon last refused reviews (no review-management subscription), ISO; null: it shows them. */
    reviewsRefusedAt: string | null;
  };
  /** Unread buyer messages over the account's chats. */
  totalUnread: number;
};

const KEY_EXPIRY_WARNING_MS = 14 * 24 * 60 * 60 * 1000;

/** Summaries of the accounts matching `where`, by name. */
export async function loadAccountSummaries(db: Db, where: Prisma.SellerAccountWhereInput, now = new Date()): Promise<AccountSummary[]> {
  const accounts = await db.sellerAccount.findMany({
    where,
    omit: { apiKeyCiphertext: true },
    include: { syncState: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  if (accounts.length === 0) return [];
  const unread = await db.chat.groupBy({
    by: ["accountId"],
    // Chats with unread messages only: a range of the (account_id, unread_count) index, not every chat.
    where: { accountId: { in: accounts.map((account) => account.id) }, unreadCount: { gt: 0 } },
    _sum: { unreadCount: true },
  });
  const unreadByAccount = new Map(unread.map((row) => [row.accountId, row._sum.unreadCount ?? 0]));
  return accounts.map((account) => ({
    id: account.id,
    name: account.name,
    clientId: account.clientId,
    apiKeyLast4: account.apiKeyLast4,
    keyExpiresAt: account.keyExpiresAt?.toISOString() ?? null,
    keyExpiresSoon: account.keyExpiresAt !== null && account.keyExpiresAt.getTime() - now.getTime() < KEY_EXPIRY_WARNING_MS,
    premiumStatus: account.premiumStatus,
    connectionStatus: account.connectionStatus,
    lastSyncAt: account.lastSyncAt?.toISOString() ?? null,
    sync: {
      phase: account.syncState?.phase ?? "IDLE",
      chatsDone: account.syncState?.chatsDone ?? 0,
      chatsTotal: account.syncState?.chatsTotal ?? 0,
      lastError: account.syncState?.lastError ?? null,
      lastErrorAt: account.syncState?.lastErrorAt?.toISOString() ?? null,
      buyerChatsRefusedAt: account.syncState?.buyerChatsRefusedAt?.toISOString() ?? null,
      reviewsRefusedAt: account.syncState?.reviewsRefusedAt?.toISOString() ?? null,
    },
    totalUnread: unreadByAccount.get(account.id) ?? 0,
  }));
}
