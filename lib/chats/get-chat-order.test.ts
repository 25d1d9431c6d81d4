import { beforeEach, expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { isOzonApiError, sendMessage } from "@/lib/ozon";
import { syncAccountNow } from "@/lib/testing/sync-test-account";
import { getChatOrder, getChatOrderResponseSchema } from "./get-chat-order";
import { getOrderPosting } from "./get-order-posting";
import { resetToCachedDemoAccount } from "./test-helpers";

const emulator = withEmulator({ rateLimit: 0 });

forEachDatabase("a chat's order and reply window", (db) => {
  let accountId: string;
  const ozon = emulator.control;
  const connection = emulator.connection;

  beforeEach(async () => {
    accountId = await resetToCachedDemoAccount(db, connection(), { messages: true });
  });

  /** Buyer chats whose messages name their order. */
  async function chatsWithOrders() {
    return db.prisma.chat.findMany({ where: { accountId, isBuyerChat: true, orderNumber: { not: null } }, orderBy: { id: "asc" } });
  }

  /** Whether Ozon (the emulator) takes a message in the chat now: the truth the reply state must match. */
  async function ozonAccepts(ozonChatId: string): Promise<boolean> {
    try {
      await sendMessage(connection(), { chatId: ozonChatId, text: "Проверка окна" });
      return true;
    } catch (error) {
      if (isOzonApiError(error) && error.kind === "window_closed") return false;
      throw error;
    }
  }

  async function expectStatesMatchOzon(label: string) {
    const chats = await chatsWithOrders();
    expect(chats.length).toBeGreaterThan(3);
    const schemes = new Set<string>();
    for (const chat of chats) {
      const order = await getChatOrder(db.prisma, connection(), accountId, chat.id);
      expect(getChatOrderResponseSchema.parse(order)).toEqual(order);
      expect(order.notice).toBeNull();
      expect(order.postings.length, `${label}: chat ${chat.ozonChatId} finds its postings`).toBeGreaterThan(0);
      for (const posting of order.postings) {
        schemes.add(posting.scheme);
        expect(posting.orderNumber).toBe(chat.orderNumber);
        expect(posting.products.length).toBeGreaterThan(0);
        expect(posting.products[0]!.name).not.toBe("");
      }
      const accepts = await ozonAccepts(chat.ozonChatId);
      expect(order.chat.replyState.canReply, `${label}: chat ${chat.ozonChatId} (${order.postings.map((p) => `${p.scheme} ${p.status}`).join(", ")}): ${JSON.stringify(order.chat.replyState)}`).toBe(accepts);
      if (!accepts) expect(order.chat.replyState.reason).toMatch(/window_passed|not_paid|chat_closed/);
    }
    return schemes;
  }

  it("reads each chat's postings by the order its messages name, and its reply state agrees with Ozon's answer to a send", async () => {
    const schemes = await expectStatesMatchOzon("now");
    expect([...schemes].sort()).toEqual(["FBO", "FBS", "rFBS"]);
    // The deadlines move with Ozon's clock: across 48 h after the buyers' messages, and 72 h after deliveries.
    await ozon.advanceClock({ hours: 49 });
    await syncAccountNow(db.prisma, accountId, connection());
    await expectStatesMatchOzon("49 h later");
    await ozon.advanceClock({ hours: 30 });
    await syncAccountNow(db.prisma, accountId, connection());
    await expectStatesMatchOzon("79 h later");
  });

  it("the order page finds the chat of every posting, whatever scheme, by the order number the chat's messages carry", async () => {
    const chats = await chatsWithOrders();
    const state = await ozon.state();
    const seen = new Set<string>();
    for (const chat of chats) {
      const posting = state.postings.find((p) => p.order_number === chat.orderNumber)!;
      const { posting: view } = await getOrderPosting(db.prisma, connection(), accountId, { postingNumber: String(posting.posting_number) });
      expect(view.chatId).toBe(chat.id);
      seen.add(view.scheme);
    }
    expect([...seen].sort()).toEqual(["FBO", "FBS", "rFBS"]);
  });
});
