import { beforeEach, expect, it } from "vitest";
import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { listCachedMessages } from "@/lib/chats/list-cached-messages";
import { forEachDatabase } from "@/lib/db/testing";
import { searchChats, searchChatsResponseSchema, type SearchChatsResponse } from "./search-chats";

const noOzon = () => Promise.reject(new Error("the cache is enough here"));

forEachDatabase("searchChats", (db) => {
  let mine: string;
  let theirs: string;
  let agent: TestUser;
  let admin: TestUser;
  let nextMessageId = 1000n;

  async function account(name: string, clientId: string) {
    return (await db.prisma.sellerAccount.create({ data: { name, clientId, apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "abcd" } })).id;
  }

  async function chat(accountId: string, texts: (string | { text: string; sku?: string; orderNumber?: string; at?: string })[], fields: { orderNumber?: string; postingNumber?: string; isBuyerChat?: boolean; type?: "question" | "review"; status?: "OPENED" | "CLOSED"; assigneeId?: string } = {}) {
    const row = await db.prisma.chat.create({
      data: {
        accountId,
        ozonChatId: `chat-${nextMessageId}`,
        type: fields.type ?? (fields.isBuyerChat === false ? "seller_support" : "buyer_seller"),
        isBuyerChat: fields.isBuyerChat ?? true,
        status: fields.status ?? "OPENED",
        createdAt: new Date("2025-03-01T10:00:00Z"),
        orderNumber: fields.orderNumber ?? null,
        postingNumber: fields.postingNumber ?? null,
        historyStartReached: true,
        assigneeId: fields.assigneeId ?? null,
      },
    });
    const ids: string[] = [];
    for (const [index, item] of texts.entries()) {
      const message = typeof item === "string" ? { text: item } : item;
      nextMessageId += 1n;
      ids.push(nextMessageId.toString());
      await db.prisma.message.create({
        data: {
          chatId: row.id,
          ozonMessageId: nextMessageId,
          authorType: index % 2 === 0 ? "customer" : "seller",
          authorId: "x",
          text: message.text,
          createdAt: new Date(message.at ?? Date.parse("2025-03-02T10:00:00Z") + Number(nextMessageId) * 60_000),
          sku: message.sku ?? null,
          orderNumber: message.orderNumber ?? null,
        },
      });
    }
    return { id: row.id, messageIds: ids };
  }

  const search = (user: TestUser, q: string, extra: Record<string, string> = {}) => searchChats(db.prisma, user, { q, ...extra });
  const chatIds = (response: SearchChatsResponse) => response.results.map((result) => result.chat.id);
  const marked = (response: SearchChatsResponse) => response.results.flatMap((r) => r.message?.snippet.filter((part) => part.match).map((part) => part.text) ?? []);

  beforeEach(async () => {
    await db.reset();
    mine = await account("Мой магазин", "111");
    theirs = await account("Чужой магазин", "222");
    agent = await createTestUser(db, { accountIds: [mine] });
    admin = await createTestUser(db, { role: "ADMIN" });
  });

  it("finds Russian words by their stem, in any form, and marks them in the snippet", async () => {
    const refund = await chat(mine, ["Здравствуйте, когда будет возврат денег?", "Деньги вернутся в течение трёх дней."]);
    await chat(mine, ["Где мой заказ?"]);
    const response = await search(agent, "возврата");
    expect(searchChatsResponseSchema.parse(response)).toEqual(response);
    expect(response.matchedAs).toBe("words");
    expect(chatIds(response)).toEqual([refund.id]);
    expect(marked(response)).toEqual(["возврат"]);
    expect(chatIds(await search(agent, "деньгами"))).toEqual([refund.id]);
  });

  it("finds English words by their stem", async () => {
    const shoes = await chat(mine, ["I would like to return these shoes, they are too small"]);
    await chat(mine, ["Thanks, all good"]);
    expect(chatIds(await search(agent, "returned shoe"))).toEqual([shoes.id]);
    expect(marked(await search(agent, "returning"))).toEqual(["return"]);
  });

  it("finds a chat by its posting and order number, and messages by SKU", async () => {
    const ordered = await chat(mine, ["Добрый день"], { orderNumber: "12345678-0001", postingNumber: "12345678-0001-1" });
    const linked = await chat(mine, [{ text: "Вопрос по заказу", orderNumber: "87654321-0002" }]);
    const bySku = await chat(mine, [{ text: "Подойдёт ли на мою модель?", sku: "1543218765" }]);
    await chat(mine, ["Цена 1543218765 рублей — шутка"]);

    const posting = await search(agent, "12345678-0001-1");
    expect(posting.matchedAs).toBe("posting");
    expect(chatIds(posting)).toEqual([ordered.id]);
    expect(posting.results[0]!.message).toBeNull();
    expect(chatIds(await search(agent, "№ 12345678-0001"))).toEqual([ordered.id]);
    expect(chatIds(await search(agent, "87654321-0002"))).toEqual([linked.id]);
    const sku = await search(agent, "1543218765");
    expect(sku.matchedAs).toBe("sku");
    expect(chatIds(sku)).toEqual([bySku.id]);
    expect(sku.results[0]!.message?.id).toBe(bySku.messageIds[0]);
  });

  it("never returns a chat of an account the agent may not work, even when asked for that account", async () => {
    const own = await chat(mine, ["Нужен возврат"], { orderNumber: "11111111-0001" });
    const foreign = await chat(theirs, ["Оформите возврат, пожалуйста"], { orderNumber: "22222222-0001" });
    expect(chatIds(await search(agent, "возврат"))).toEqual([own.id]);
    expect(chatIds(await search(agent, "22222222-0001"))).toEqual([]);
    expect(chatIds(await search(agent, "возврат", { accountId: theirs }))).toEqual([]);
    expect(new Set(chatIds(await search(admin, "возврат")))).toEqual(new Set([own.id, foreign.id]));
    expect((await search(admin, "возврат", { accountId: theirs })).results.map((r) => r.accountName)).toEqual(["Чужой магазин"]);
  });

  it("filters by account, chat kind, status and date range, and pages newest first", async () => {
    const early = await chat(mine, [{ text: "доставка задерживается", at: "2025-01-10T12:00:00Z" }]);
    const late = await chat(mine, [{ text: "доставка пришла", at: "2025-02-10T12:00:00Z" }], { status: "CLOSED" });
    const support = await chat(mine, [{ text: "Доставка: вопрос в поддержку", at: "2025-02-11T12:00:00Z" }], { isBuyerChat: false });
    expect(chatIds(await search(agent, "доставка"))).toEqual([support.id, late.id, early.id]);
    expect(chatIds(await search(agent, "доставка", { kind: "buyer" }))).toEqual([late.id, early.id]);
    expect(chatIds(await search(agent, "доставка", { status: "OPENED" }))).toEqual([support.id, early.id]);
    expect(chatIds(await search(agent, "доставка", { from: "2025-01-01", to: "2025-01-31" }))).toEqual([early.id]);
    expect(chatIds(await search(agent, "доставка", { to: "2025-02-10" }))).toEqual([late.id, early.id]);
    const first = await search(agent, "доставка", { limit: "2" });
    expect(chatIds(first)).toEqual([support.id, late.id]);
    expect(chatIds(await search(agent, "доставка", { limit: "2", cursor: first.nextCursor! }))).toEqual([early.id]);
  });

  it("filters by kind: buyer chats, support (neither a buyer's chat nor a question or review), questions, reviews", async () => {
    const buyer = await chat(mine, [{ text: "Когда доставка?", at: "2025-02-01T12:00:00Z" }]);
    const support = await chat(mine, [{ text: "Доставка: вопрос в поддержку", at: "2025-02-02T12:00:00Z" }], { isBuyerChat: false });
    const question = await chat(mine, [{ text: "Какая доставка у этого товара?", at: "2025-02-03T12:00:00Z" }], { isBuyerChat: false, type: "question" });
    const review = await chat(mine, [{ text: "Доставка быстрая, товар отличный", at: "2025-02-04T12:00:00Z" }], { isBuyerChat: false, type: "review" });
    expect(chatIds(await search(agent, "доставка"))).toEqual([review.id, question.id, support.id, buyer.id]);
    expect(chatIds(await search(agent, "доставка", { kind: "buyer" }))).toEqual([buyer.id]);
    expect(chatIds(await search(agent, "доставка", { kind: "support" }))).toEqual([support.id]);
    expect(chatIds(await search(agent, "доставка", { kind: "question" }))).toEqual([question.id]);
    expect(chatIds(await search(agent, "доставка", { kind: "review" }))).toEqual([review.id]);
    await expect(search(agent, "доставка", { kind: "chat" })).rejects.toThrow();
  });

  it("filters by owner: mine, unassigned, a given agent's, on message and number matches alike", async () => {
    const colleague = await createTestUser(db, { accountIds: [mine] });
    const own = await chat(mine, ["Когда возврат?"], { assigneeId: agent.id, orderNumber: "33333333-0001" });
    const pool = await chat(mine, ["Возврат не пришёл"], { orderNumber: "33333333-0001" });
    const theirs = await chat(mine, ["Оформите возврат"], { assigneeId: colleague.id });
    expect(new Set(chatIds(await search(agent, "возврат")))).toEqual(new Set([own.id, pool.id, theirs.id]));
    expect(chatIds(await search(agent, "возврат", { owner: "me" }))).toEqual([own.id]);
    expect(chatIds(await search(colleague, "возврат", { owner: "me" }))).toEqual([theirs.id]);
    expect(chatIds(await search(agent, "возврат", { owner: "unassigned" }))).toEqual([pool.id]);
    expect(chatIds(await search(admin, "возврат", { owner: colleague.id }))).toEqual([theirs.id]);
    expect(chatIds(await search(agent, "возврат", { owner: "" }))).toHaveLength(3);
    // A chat found by its own order number obeys the owner filter too.
    expect(chatIds(await search(agent, "33333333-0001", { owner: "unassigned" }))).toEqual([pool.id]);
    expect(chatIds(await search(agent, "33333333-0001", { owner: "me" }))).toEqual([own.id]);
    await expect(search(agent, "возврат", { owner: "x".repeat(101) })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["owner"] })] });
  });

  it("shows a message's text as text: markup in a message stays plain", async () => {
    await chat(mine, ['<img src=x onerror="alert(1)"> где мой возврат?']);
    const [result] = (await search(agent, "возврат")).results;
    expect(result!.message!.snippet.map((part) => part.text).join("")).toContain('<img src=x onerror="alert(1)">');
  });

  it("opens the thread at the found message (the messages page around it)", async () => {
    const texts = Array.from({ length: 60 }, (_, i) => (i === 20 ? "Где мой возврат?" : `Сообщение ${i}`));
    const long = await chat(mine, texts);
    const [result] = (await search(agent, "возврат")).results;
    const page = await listCachedMessages(db.prisma, noOzon, { accountId: mine, chatId: long.id }, { around: result!.message!.id, limit: "20" });
    const ids = page.messages.map((m) => m.id);
    expect(ids).toContain(result!.message!.id);
    expect(ids).toEqual(long.messageIds.slice(11, 31));
    expect(page.hasMore).toBe(true);
    expect(page.hasNewer).toBe(true);
    await expect(
      listCachedMessages(db.prisma, noOzon, { accountId: theirs, chatId: long.id }, { around: result!.message!.id }),
    ).rejects.toMatchObject({ code: "chat_not_found" });
  });
});
