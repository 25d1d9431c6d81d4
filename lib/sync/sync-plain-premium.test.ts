/** A seller with plain Premium: Ozon lists every chat and shows support and system chats, but refuses buyer chats. */
import { afterAll, beforeEach, expect, it } from "vitest";
import { chatCallsOnly } from "@/lib/testing/chat-calls-only";

import { PREMIUM } from "@/emulator/testing";
import { probeSellerAccount } from "@/lib/accounts/probe-seller-account";
import { loadAccountSummaries } from "@/lib/accounts/load-account-summaries";
import { closeOtherSessions, createTestAccount } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";

import { syncAccountNow } from "./sync-account-now";

forEachDatabase("sync: plain Premium", (db) => {
  const emulator = withEmulator({ rateLimit: 0 });
  const conn = () => emulator.connection({ clientId: PREMIUM.clientId, apiKey: PREMIUM.apiKey });
  let accountId: string;
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma, PREMIUM.clientId);
  });

  it("connects: the key is accepted with its subscription", async () => {
    expect(await probeSellerAccount(conn())).toMatchObject({ connectionStatus: "OK", premiumStatus: "PREMIUM", problem: null });
  });

  it("imports the support and system chats whole, leaves buyer chats out, and says so instead of failing", async () => {
    const state = await emulator.control.state(PREMIUM.clientId);
    const isBuyer = (type: string) => type.startsWith("BUYER_SELLER");
    const others = state.chats.filter((c) => !isBuyer(c.chat_type));
    const buyers = state.chats.filter((c) => isBuyer(c.chat_type));
    expect(others.length).toBeGreaterThan(0);
    expect(buyers.length).toBeGreaterThan(0);

    const report = await syncAccountNow(db.prisma, accountId, conn());
    expect(report.buyerChatsSkipped).toBeGreaterThan(0);
    const chats = await db.prisma.chat.findMany({ where: { accountId }, include: { _count: { select: { messages: true } } } });
    expect(chats.filter((c) => c.isBuyerChat)).toEqual([]);
    expect(chats.map((c) => c.ozonChatId).sort()).toEqual(others.map((c) => c.chat_id).sort());
    for (const chat of others) {
      expect(chats.find((c) => c.ozonChatId === chat.chat_id)!._count.messages, chat.chat_id).toBe(chat.messages.length);
    }
    const sync = await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } });
    expect(sync).toMatchObject({ phase: "INCREMENTAL", consecutiveFailures: 0, lastError: null });
    expect(sync.buyerChatsRefusedAt).not.toBeNull();
    const [summary] = await loadAccountSummaries(db.prisma, { id: accountId });
    expect(summary!.sync.buyerChatsRefusedAt).toBe(sync.buyerChatsRefusedAt!.toISOString());

    // A poll leaves the refused chats alone: no history call. The buyer's message changes Ozon's total unread count,
    // so the unread chats are listed once (a second list call); after that an idle poll is one call again.
    await emulator.control.buyerMessage({ client_id: PREMIUM.clientId, chat_id: buyers[0]!.chat_id, text: "Здравствуйте!" });
    await emulator.control.resetCalls();
    const poll = await syncAccountNow(db.prisma, accountId, conn());
    expect(poll.mode).toBe("incremental");
    expect(chatCallsOnly(await emulator.control.calls()).by_path).toEqual({ "/v3/chat/list": 2 });
    expect(await db.prisma.chat.count({ where: { accountId, isBuyerChat: true } })).toBe(0);
    await emulator.control.resetCalls();
    await syncAccountNow(db.prisma, accountId, conn());
    expect(chatCallsOnly(await emulator.control.calls()).by_path).toEqual({ "/v3/chat/list": 1 });

    // A full pass asks again; still refused, still said.
    const full = await syncAccountNow(db.prisma, accountId, conn(), { full: true });
    expect(full.buyerChatsSkipped).toBeGreaterThan(0);
    expect((await db.prisma.syncState.findUniqueOrThrow({ where: { accountId } })).buyerChatsRefusedAt).not.toBeNull();
  });
});
