import { beforeEach, expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { getPosting } from "@/lib/ozon";
import { getOrderPosting, getOrderPostingResponseSchema } from "./get-order-posting";
import { listOrderPostings, listOrderPostingsResponseSchema } from "./list-order-postings";
import { startChatForPosting, startChatForPostingResponseSchema } from "./start-chat-for-posting";
import { cacheFromOzon, resetToCachedDemoAccount } from "./test-helpers";

const START = "/v1/chat/start";
// Without the rate limit: sends are never retried on a 429.
const emulator = withEmulator({ rateLimit: 0 });

forEachDatabase("chats from postings, and postings for the order page", (db) => {
  let accountId: string;
  const ozon = emulator.control;
  const connection = emulator.connection;

  beforeEach(async () => {
    accountId = await resetToCachedDemoAccount(db, connection());
  });

  async function postingsWithoutChat(scheme: "FBS" | "FBO") {
    const state = await ozon.state();
    return state.postings.filter((p) => !p.chat_id && (scheme === "FBO" ? p.delivery_schema === "FBO" : p.delivery_schema !== "FBO"));
  }

  async function startablePosting(): Promise<string> {
    for (const p of await postingsWithoutChat("FBS")) {
      const posting = await getPosting(connection(), { postingNumber: String(p.posting_number) });
      if (posting.canCreateChat) return posting.postingNumber;
    }
    throw new Error("the seed has no FBS posting that can start a chat");
  }

  it("starts a chat for an FBS posting without one and stores it with its posting; again gives the same chat", async () => {
    const postingNumber = await startablePosting();
    await ozon.resetCalls();

    const started = await startChatForPosting(db.prisma, connection(), accountId, { postingNumber });
    expect(startChatForPostingResponseSchema.parse(started)).toEqual(started);
    expect(started.created).toBe(true);
    const chat = await db.prisma.chat.findUniqueOrThrow({ where: { id: started.chatId } });
    expect(chat).toMatchObject({ accountId, postingNumber, orderNumber: postingNumber.replace(/-\d+$/, ""), isBuyerChat: true, type: "buyer_seller" });
    const onOzon = (await ozon.state()).chats.find((c) => c.chat_id === chat.ozonChatId);
    expect(onOzon?.posting_number).toBe(postingNumber);

    const again = await startChatForPosting(db.prisma, connection(), accountId, { postingNumber });
    expect(again).toEqual({ chatId: started.chatId, ozonChatId: chat.ozonChatId, created: false });
    expect((await ozon.calls()).by_path[START]).toBe(1);
    expect(await db.prisma.chat.count({ where: { accountId, postingNumber } })).toBe(1);

    const { posting } = await getOrderPosting(db.prisma, connection(), accountId, { postingNumber });
    expect(posting.chatId).toBe(started.chatId);
  });

  it("links a chat the sync already cached (without its posting) instead of storing a second one", async () => {
    const state = await ozon.state();
    const fbs = new Set(state.postings.filter((p) => p.delivery_schema !== "FBO").map((p) => p.posting_number));
    const withChat = state.chats.find((c) => c.posting_number && fbs.has(c.posting_number))!;
    const before = await db.prisma.chat.findFirstOrThrow({ where: { accountId, ozonChatId: withChat.chat_id } });
    expect(before.postingNumber).toBeNull();

    const result = await startChatForPosting(db.prisma, connection(), accountId, { postingNumber: withChat.posting_number! });
    expect(result).toEqual({ chatId: before.id, ozonChatId: withChat.chat_id, created: false });
    expect((await db.prisma.chat.findUniqueOrThrow({ where: { id: before.id } })).postingNumber).toBe(withChat.posting_number);
  });

  it("finds the buyer's chat of an FBO posting by its order number, which Ozon will not start", async () => {
    await cacheFromOzon(db.prisma, connection(), accountId, { messages: true });
    const fboOrders = new Map(
      (await ozon.state()).postings.filter((p) => p.delivery_schema === "FBO").map((p) => [String(p.order_number), p]),
    );
    const withOrder = (await db.prisma.chat.findMany({ where: { accountId, orderNumber: { not: null } }, orderBy: { id: "asc" } })).find(
      (chat) => fboOrders.has(chat.orderNumber!),
    )!;
    const posting = fboOrders.get(withOrder.orderNumber!)!;
    const result = await startChatForPosting(db.prisma, connection(), accountId, { postingNumber: String(posting.posting_number) });
    expect(result).toEqual({ chatId: withOrder.id, ozonChatId: withOrder.ozonChatId, created: false });
  });

  it("refuses an FBO posting in words, storing nothing", async () => {
    const [fbo] = await postingsWithoutChat("FBO");
    const count = await db.prisma.chat.count();
    await expect(startChatForPosting(db.prisma, connection(), accountId, { postingNumber: String(fbo!.posting_number) })).rejects.toMatchObject({
      kind: "window_closed",
      message: expect.stringMatching(/Only the buyer can start a chat for an FBO posting/),
    });
    expect(await db.prisma.chat.count()).toBe(count);
  });

  it("answers a posting number that is not one, and an unknown posting, in words", async () => {
    await expect(startChatForPosting(db.prisma, connection(), accountId, { postingNumber: "../../x" })).rejects.toThrow(/not a posting number/);
    await expect(getOrderPosting(db.prisma, connection(), accountId, { postingNumber: "0000000000-0000-1" })).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("shapes one posting for the order page", async () => {
    const [fbo] = await postingsWithoutChat("FBO");
    const shown = await getOrderPosting(db.prisma, connection(), accountId, { postingNumber: String(fbo!.posting_number) });
    expect(getOrderPostingResponseSchema.parse(shown)).toEqual(shown);
    const { posting } = shown;
    expect(posting).toMatchObject({ postingNumber: fbo!.posting_number, scheme: "FBO", canCreateChat: false, chatId: null });
    expect(posting.products.length).toBeGreaterThan(0);
    expect(posting.products[0]).toEqual({
      sku: expect.any(String),
      offerId: expect.any(String),
      name: expect.any(String),
      quantity: expect.any(Number),
      price: expect.any(String),
      currencyCode: expect.any(String),
    });
    expect(Object.keys(posting.dates)).toEqual(["createdAt", "paidAt", "shipmentDate", "deliveringAt", "deliveredAt"]);
  });

  it("lists recent postings newest first, filtered by posting number prefix", async () => {
    const listed = await listOrderPostings(db.prisma, connection(), accountId, { limit: "100" });
    expect(listOrderPostingsResponseSchema.parse(listed)).toEqual(listed);
    const { postings } = listed;
    expect(postings.length).toBeGreaterThan(20);
    const paid = postings.map((p) => Date.parse(p.dates.paidAt ?? p.dates.createdAt ?? ""));
    expect(paid).toEqual([...paid].sort((a, b) => b - a));
    expect(new Set(postings.map((p) => p.scheme))).toEqual(new Set(["FBS", "rFBS", "FBO"]));

    const target = postings[3]!.postingNumber;
    const prefix = target.slice(0, 12);
    const found = await listOrderPostings(db.prisma, connection(), accountId, { search: prefix });
    expect(found.postings.map((p) => p.postingNumber)).toContain(target);
    expect(found.postings.every((p) => p.postingNumber.startsWith(prefix))).toBe(true);
    expect((await listOrderPostings(db.prisma, connection(), accountId, { search: "9999" })).postings).toEqual([]);
  });

  it("finds a posting older than the recent list when its number is typed in full", async () => {
    const state = await ozon.state();
    const monthAgo = Date.parse(state.now) - 31 * 86_400_000;
    const old = state.postings.find((p) => Date.parse(String(p.in_process_at ?? p.created_at)) < monthAgo)!;
    const number = String(old.posting_number);
    const recent = await listOrderPostings(db.prisma, connection(), accountId, { search: number.slice(0, -2) });
    expect(recent.postings).toEqual([]);
    const found = await listOrderPostings(db.prisma, connection(), accountId, { search: number });
    expect(found.postings.map((p) => p.postingNumber)).toEqual([number]);
    expect((await listOrderPostings(db.prisma, connection(), accountId, { search: "0000000001-0001-1" })).postings).toEqual([]);
  });
});
