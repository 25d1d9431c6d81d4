/**
 * The turns kept up to date (chat_turns): a message stored marks its chat, a refresh computes its turns again, a
 * sender learnt after the fact moves the answer to the agent, and two refreshes at once never compute a chat twice.
 */
import { afterAll, beforeEach, expect, it } from "vitest";
import { createTestUser } from "@/lib/auth/testing";
import { markChatTurns } from "@/lib/cache/mark-chat-turns";
import { storeChatSummaries } from "@/lib/cache/store-chat-summaries";
import { storeMessages } from "@/lib/cache/store-messages";
import { closeOtherSessions, createTestAccount, message, summary } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";

import { refreshChatTurns } from "./refresh-chat-turns";

const buyer = (id: string, at: string) => message(id, { createdAt: at });
const seller = (id: string, at: string) => message(id, { createdAt: at, user: { id: "seller-1", type: "seller", rawType: "Seller" } });

forEachDatabase("chat turns kept up to date", (db) => {
  let accountId: string;
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
  });

  async function newChats(...ozonChatIds: string[]) {
    const { chatIds } = await storeChatSummaries(db.prisma, accountId, ozonChatIds.map((id) => summary(id)));
    return ozonChatIds.map((id) => chatIds.get(id)!);
  }
  const turnsOf = (chatId: string) =>
    db.prisma.chatTurn.findMany({
      where: { chatId },
      orderBy: { turnIndex: "asc" },
      select: { turnIndex: true, startedAt: true, prevStartedAt: true, lastBuyerAt: true, answeredAt: true, answerMessageId: true, answeredBy: true },
    });
  const marks = () => db.prisma.chatTurnMark.count();

  it("a message arriving marks its chat; the refresh computes its turns and clears the mark", async () => {
    const [chat] = await newChats("a");
    await storeMessages(db.prisma, { id: chat! }, [buyer("10", "2026-11-20T10:00:00.000Z"), buyer("11", "2026-11-20T10:05:00.000Z")]);
    expect(await marks()).toBe(1);
    expect(await refreshChatTurns(db.prisma, { limit: 10 })).toBe(1);
    expect(await marks()).toBe(0);
    expect(await turnsOf(chat!)).toEqual([
      {
        turnIndex: 0,
        startedAt: new Date("2026-11-20T10:00:00.000Z"),
        prevStartedAt: null,
        lastBuyerAt: new Date("2026-11-20T10:05:00.000Z"),
        answeredAt: null,
        answerMessageId: null,
        answeredBy: null,
      },
    ]);

    // The reply, then the buyer again: the first turn is answered, a second one waits.
    await storeMessages(db.prisma, { id: chat! }, [seller("12", "2026-11-20T10:30:00.000Z"), buyer("13", "2026-11-20T12:00:00.000Z")]);
    expect(await marks()).toBe(1);
    expect(await refreshChatTurns(db.prisma, { limit: 10 })).toBe(1);
    expect(await turnsOf(chat!)).toMatchObject([
      { turnIndex: 0, answeredAt: new Date("2026-11-20T10:30:00.000Z"), answerMessageId: 12n, answeredBy: null },
      { turnIndex: 1, startedAt: new Date("2026-11-20T12:00:00.000Z"), prevStartedAt: new Date("2026-11-20T10:00:00.000Z"), answeredAt: null },
    ]);

    // Stored again (a sync reading the same page): nothing changed, nothing to compute.
    await storeMessages(db.prisma, { id: chat! }, [seller("12", "2026-11-20T10:30:00.000Z")]);
    expect(await marks()).toBe(0);
    expect(await refreshChatTurns(db.prisma, { limit: 10 })).toBe(0);
  });

  it("a sender learnt after the fact moves the answer from the seller portal to the agent", async () => {
    const agent = await createTestUser(db, { accountIds: [accountId], name: "Анна" });
    const [chat] = await newChats("a");
    await storeMessages(db.prisma, { id: chat! }, [buyer("10", "2026-11-20T10:00:00.000Z"), seller("11", "2026-11-20T10:10:00.000Z")]);
    await refreshChatTurns(db.prisma, { limit: 10 });
    expect((await turnsOf(chat!))[0]).toMatchObject({ answerMessageId: 11n, answeredBy: null });

    await storeMessages(db.prisma, { id: chat! }, [seller("11", "2026-11-20T10:10:00.000Z")], { sentByUserId: agent.id });
    expect(await marks()).toBe(1);
    await refreshChatTurns(db.prisma, { limit: 10 });
    expect((await turnsOf(chat!))[0]).toMatchObject({ answerMessageId: 11n, answeredBy: agent.id });
  });

  it("the outbox row that sent a message names its agent, also when it is settled after the message was stored", async () => {
    const agent = await createTestUser(db, { accountIds: [accountId], name: "Борис" });
    const [chat] = await newChats("a");
    await storeMessages(db.prisma, { id: chat! }, [buyer("10", "2026-11-20T10:00:00.000Z"), seller("11", "2026-11-20T10:10:00.000Z")]);
    await refreshChatTurns(db.prisma, { limit: 10 });
    await db.prisma.outboxMessage.create({
      data: { chatId: chat!, accountId, userId: agent.id, clientId: "c-1", kind: "TEXT", text: "text of 11", state: "SENT", ozonMessageId: 11n },
    });
    // Nothing marked it yet: the turn still says the portal. Marked (as recordOutboxSent does), it says the agent.
    expect((await turnsOf(chat!))[0]!.answeredBy).toBeNull();
    await markChatTurns(db.prisma, chat!);
    await refreshChatTurns(db.prisma, { limit: 10 });
    expect((await turnsOf(chat!))[0]!.answeredBy).toBe(agent.id);
  });

  it("two refreshes at once share the marked chats: each computed once, every mark cleared", async () => {
    const chats = await newChats(...Array.from({ length: 40 }, (_, i) => `c${i}`));
    for (const [i, chat] of chats.entries()) {
      await storeMessages(db.prisma, { id: chat }, [buyer(`${i * 10 + 1}`, "2026-11-20T10:00:00.000Z"), seller(`${i * 10 + 2}`, "2026-11-20T11:00:00.000Z")]);
    }
    expect(await marks()).toBe(40);
    const counts = await Promise.all([refreshChatTurns(db.prisma, { limit: 25 }), refreshChatTurns(db.prisma, { limit: 25 })]);
    // Together they computed every chat exactly once (each took what the other had not claimed).
    expect(counts[0] + counts[1]).toBe(40);
    expect(await marks()).toBe(0);
    expect(await db.prisma.chatTurn.count({ where: { answeredAt: { not: null } } })).toBe(40);
  });

  it("a chat another refresh holds is left to it, and computed after its lease is given up", async () => {
    const [chat] = await newChats("a");
    await storeMessages(db.prisma, { id: chat! }, [buyer("10", "2026-11-20T10:00:00.000Z")]);
    // Claimed (the lease taken) as a refresh does; a message is stored meanwhile.
    await db.prisma.chatTurnMark.updateMany({ data: { leaseUntil: new Date(Date.now() + 60_000) } });
    await storeMessages(db.prisma, { id: chat! }, [seller("11", "2026-11-20T10:10:00.000Z")]);
    expect(await refreshChatTurns(db.prisma, { limit: 10 })).toBe(0); // held by the other refresh
    await db.prisma.chatTurnMark.updateMany({ data: { leaseUntil: null } });
    expect(await refreshChatTurns(db.prisma, { limit: 10 })).toBe(1);
    expect((await turnsOf(chat!))[0]).toMatchObject({ answerMessageId: 11n });
  });
});
