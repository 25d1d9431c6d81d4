/** The sync reads buyer chats' postings, so reply deadlines are known before anyone opens a chat (issue 13). */
import { afterAll, beforeEach, expect, it } from "vitest";
import { chatCallsOnly } from "@/lib/testing/chat-calls-only";

import type { EmulatorChat, EmulatorPosting, EmulatorState } from "@/emulator/testing";
import { toChatView } from "@/lib/cache/chat-view";
import { closeOtherSessions, createTestAccount } from "@/lib/cache/test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";

import { syncAccountNow } from "./sync-account-now";

const H = 3_600_000;
const POSTING_PATHS = ["/v4/posting/fbs/list", "/v3/posting/fbo/list", "/v3/posting/fbs/get", "/v2/posting/fbo/get"];
const SETTLED = ["delivered", "cancelled", "not_accepted"];

function isCustomer(type: string): boolean {
  return type.replace("С", "C").toLowerCase() === "customer";
}

/**
 * Ozon's rule (the seed text of /v1/chat/send/message), from the emulator's own posting: FBO, 48 h after the
 * buyer's last message; FBS/rFBS, not paid: the same 48 h; paid, on its way: no deadline; delivered: 72 h after
 * delivery or 48 h after the buyer's last message, whichever is later.
 */
function expectedUntil(posting: EmulatorPosting, buyerAt: number): number | null {
  const p = posting as EmulatorPosting & { delivery_schema: string; in_process_at: string | null; fact_delivery_date?: string | null };
  if (p.delivery_schema === "FBO") return buyerAt + 48 * H;
  if (!p.in_process_at) return buyerAt + 48 * H;
  if (!p.fact_delivery_date) return null;
  return Math.max(Date.parse(p.fact_delivery_date) + 72 * H, buyerAt + 48 * H);
}

/** Open buyer chats whose buyer wrote last (they await a reply), with their posting. */
function awaitingChats(state: EmulatorState): { chat: EmulatorChat; posting: EmulatorPosting; buyerAt: number }[] {
  return state.chats.flatMap((chat) => {
    const last = chat.messages.at(-1);
    const posting = state.postings.find((p) => p.posting_number === chat.posting_number);
    if (chat.chat_status !== "OPENED" || !posting || !last || !isCustomer(last.user.type)) return [];
    if (posting.status === "cancelled") return [];
    return [{ chat, posting, buyerAt: Date.parse(last.created_at) }];
  });
}

forEachDatabase("sync: buyer chats' postings", (db) => {
  const emulator = withEmulator();
  let accountId: string;
  afterAll(() => closeOtherSessions(db));
  beforeEach(async () => {
    await db.reset();
    accountId = await createTestAccount(db.prisma);
  });

  it("after an import, a buyer chat nobody opened has the deadline its posting implies; two list calls per 50 chats", async () => {
    let acquired = 0;
    const connection = { ...emulator.connection(), limiter: { acquire: async () => void acquired++ } };
    const report = await syncAccountNow(db.prisma, accountId, connection);
    const calls = await emulator.control.calls();
    const state = await emulator.control.state();

    const now = Date.now();
    const awaiting = awaitingChats(state);
    let withDeadline = 0;
    for (const { chat, posting, buyerAt } of awaiting) {
      const row = await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId: chat.chat_id } });
      expect(row.postingsCheckedAt).not.toBeNull();
      const until = expectedUntil(posting, buyerAt);
      const view = toChatView(row);
      const label = `${chat.chat_id} (${posting.posting_number})`;
      // The row names what was bought, from the same postings, with its picture (from the products' cards).
      const products = (posting as EmulatorPosting & { products: { name: string; sku: number }[] }).products;
      expect(view.product, label).toEqual({ name: products[0]!.name, count: products.length, imageUrl: expect.stringContaining(`/${products[0]!.sku}-`) });
      if (until !== null && until > now + 60_000) {
        expect(view.replyState.until, label).toBe(new Date(until).toISOString());
        withDeadline++;
      } else if (until === null) {
        expect(view.replyState, label).toEqual({ canReply: true, until: null, reason: null });
      }
    }
    // The seeded shop has open windows with deadlines (FBO and delivered FBS chats whose buyer wrote lately).
    expect(withDeadline).toBeGreaterThanOrEqual(2);

    // Every buyer chat naming an order was read, in batches: one FBS and one FBO list call per 50 chats.
    const buyerChatsWithOrder = await db.prisma.chat.count({ where: { accountId, isBuyerChat: true, orderNumber: { not: null } } });
    expect(buyerChatsWithOrder).toBeGreaterThan(30);
    expect(report.postingChatsChecked).toBe(buyerChatsWithOrder);
    expect(await db.prisma.chat.count({ where: { accountId, isBuyerChat: true, orderNumber: { not: null }, postingsCheckedAt: null } })).toBe(0);
    const batches = Math.ceil(buyerChatsWithOrder / 50);
    expect(calls.by_path["/v4/posting/fbs/list"]).toBe(batches);
    expect(calls.by_path["/v3/posting/fbo/list"]).toBe(batches);
    // And the products' pictures: at most one call a batch, for the SKUs the products cache lacks (the questions and
    // reviews read some cards before).
    expect(report.postingCalls).toBeGreaterThanOrEqual(2 * batches);
    expect(report.postingCalls).toBeLessThanOrEqual(3 * batches);
    // Through the account's limiter, like every other call.
    expect(acquired).toBe(calls.total);
  });

  it("an idle poll reads no postings; after the sweep interval only postings that can still change are read again", async () => {
    await syncAccountNow(db.prisma, accountId, emulator.connection());
    await emulator.control.resetCalls();
    const idle = await syncAccountNow(db.prisma, accountId, emulator.connection());
    expect(chatCallsOnly(await emulator.control.calls())).toEqual({ total: 1, by_path: { "/v3/chat/list": 1 }, by_client: { "demo-client": 1 } });
    expect(idle).toMatchObject({ mode: "incremental", postingCalls: 0, postingChatsChecked: 0 });

    // An hour later (the sweep's interval has passed) nothing changed at Ozon.
    await db.prisma.$executeRaw`UPDATE chats SET postings_checked_at = postings_checked_at - interval '1 hour'
                                 WHERE postings_checked_at IS NOT NULL`;
    const changing = await db.prisma.chat.findMany({
      where: { accountId, postings: { some: { status: { notIn: SETTLED } } } },
      select: { id: true },
    });
    const settled = await db.prisma.chat.findMany({
      where: { accountId, postings: { some: {} }, NOT: { postings: { some: { status: { notIn: SETTLED } } } } },
      select: { id: true, postingsCheckedAt: true },
    });
    expect(changing.length).toBeGreaterThan(0);
    expect(settled.length).toBeGreaterThan(0);
    await emulator.control.resetCalls();
    const later = await syncAccountNow(db.prisma, accountId, emulator.connection());
    const calls = await emulator.control.calls();
    expect(later.postingChatsChecked).toBe(changing.length);
    expect(calls.by_path["/v4/posting/fbs/list"]).toBe(Math.ceil(changing.length / 50));
    expect(chatCallsOnly(calls).total).toBe(1 + 2 * Math.ceil(changing.length / 50));
    // Delivered and cancelled postings were not asked for again.
    for (const chat of settled) {
      const row = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
      expect(row.postingsCheckedAt).toEqual(chat.postingsCheckedAt);
    }

    // Once more: nothing is due.
    await emulator.control.resetCalls();
    await syncAccountNow(db.prisma, accountId, emulator.connection());
    const again = await emulator.control.calls();
    expect(POSTING_PATHS.map((p) => again.by_path[p] ?? 0)).toEqual([0, 0, 0, 0]);
  });

  it("a posting delivered at Ozon moves the chat's deadline on the next sweep, and tabs are told", async () => {
    await syncAccountNow(db.prisma, accountId, emulator.connection());
    const state = await emulator.control.state();
    const onItsWay = awaitingChats(state).find(({ posting }) => {
      const p = posting as EmulatorPosting & { delivery_schema: string; in_process_at: string | null; fact_delivery_date?: string | null };
      return p.delivery_schema !== "FBO" && p.in_process_at !== null && !p.fact_delivery_date;
    });
    expect(onItsWay).toBeDefined();
    const before = await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId: onItsWay!.chat.chat_id } });
    expect(toChatView(before).replyState).toEqual({ canReply: true, until: null, reason: null });

    const delivered = await emulator.control.deliver(onItsWay!.posting.posting_number);
    await db.prisma.$executeRaw`UPDATE chats SET postings_checked_at = postings_checked_at - interval '1 hour' WHERE id = ${before.id}`;
    const events = await db.prisma.liveEvent.count({ where: { accountId } });
    await syncAccountNow(db.prisma, accountId, emulator.connection());
    const after = await db.prisma.chat.findUniqueOrThrow({ where: { id: before.id } });
    const deliveredAt = Date.parse((delivered as { fact_delivery_date: string }).fact_delivery_date);
    const until = Math.max(deliveredAt + 72 * H, onItsWay!.buyerAt + 48 * H);
    expect(toChatView(after).replyState.until).toBe(new Date(until).toISOString());
    expect(await db.prisma.liveEvent.count({ where: { accountId } })).toBeGreaterThan(events);
  });
});
