// Beside the chats rather than lib/replies: it drives the send path (chats → replies), and lib/replies must not import lib/chats back.
import { beforeEach, expect, it } from "vitest";
import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { sendChatMessage } from "./send-chat-message";
import { startChatForPosting } from "./start-chat-for-posting";
import { resetToCachedDemoAccount } from "./test-helpers";
import { forEachDatabase } from "@/lib/db/testing";
import { getPosting } from "@/lib/ozon";
import { withEmulator } from "@/lib/testing/with-emulator";
import { deleteSavedReply } from "@/lib/replies/delete-saved-reply";
import { fillReplyVariables } from "@/lib/replies/fill-reply-variables";
import { importSavedReplies } from "@/lib/replies/import-saved-replies";
import { listChatReplies } from "@/lib/replies/list-chat-replies";
import { listSavedReplies } from "@/lib/replies/list-saved-replies";
import { loadReplyVariables } from "@/lib/replies/load-reply-variables";
import { recordReplyUsage } from "@/lib/replies/record-reply-usage";
import { repliesToCsv } from "@/lib/replies/replies-csv";
import { saveSavedReply } from "@/lib/replies/save-saved-reply";

const emulator = withEmulator({ rateLimit: 0 });

forEachDatabase("saved replies", (db) => {
  let accountId: string;
  let agent: TestUser;
  let admin: TestUser;
  const ozon = emulator.control;
  const connection = emulator.connection;

  beforeEach(async () => {
    accountId = await resetToCachedDemoAccount(db, connection(), { messages: true });
    agent = await createTestUser(db, { accountIds: [accountId], name: "Ольга" });
    admin = await createTestUser(db, { role: "ADMIN", name: "Админ" });
  });

  /** A cached buyer chat about an FBS posting, linked to it the way "Message buyer" links it. */
  async function chatWithPosting() {
    const state = await ozon.state();
    const fbs = new Set(state.postings.filter((p) => p.delivery_schema !== "FBO").map((p) => p.posting_number));
    const onOzon = state.chats.find((c) => c.posting_number && fbs.has(c.posting_number))!;
    const { chatId } = await startChatForPosting(db.prisma, connection(), accountId, { postingNumber: String(onOzon.posting_number) });
    return { chatId, postingNumber: String(onOzon.posting_number) };
  }

  it("fills the variables from a real chat and its order, counts the limit after filling, leaves a missing one marked", async () => {
    const { chatId, postingNumber } = await chatWithPosting();
    const posting = await getPosting(connection(), { postingNumber });
    const values = await loadReplyVariables(db.prisma, async () => connection(), { accountId, chatId }, agent);
    expect(values).toMatchObject({ buyer: null, posting_number: postingNumber, order_number: posting.orderNumber, agent: "Ольга" });
    expect(values.product).toBe(posting.products.map((p) => p.name).join(", "));
    expect(values.product).toBeTruthy();

    const filled = fillReplyVariables("Здравствуйте, {buyer}! Заказ {order_number} ({product}) отправлен. {agent}", values);
    expect(filled.missing).toEqual(["buyer"]);
    expect(filled.text).toBe(`Здравствуйте, {buyer}! Заказ ${posting.orderNumber} (${values.product}) отправлен. Ольга`);
    expect(filled.parts.find((part) => part.kind === "missing")).toEqual({ kind: "missing", name: "buyer" });

    // 1000 characters as a template, more once the product is in.
    const template = `${"а".repeat(1000 - "{product}".length)}{product}`;
    expect([...template]).toHaveLength(1000);
    const long = fillReplyVariables(template, values);
    expect(long.length).toBe(1000 - "{product}".length + [...values.product!].length);
    expect(long.tooLong).toBe(values.product!.length > "{product}".length);
    expect(fillReplyVariables("{order_number}", values)).toMatchObject({ length: [...posting.orderNumber!].length, tooLong: false, missing: [] });

    // Not sendable with the missing variable left in; sendable once edited.
    await expect(sendChatMessage(db.prisma, connection(), { accountId, chatId, userId: agent.id }, { clientId: "r-1", text: filled.text })).rejects.toMatchObject({
      code: "variables_unfilled",
      params: { names: ["buyer"] },
      message: "Fill in {buyer} before sending.",
    });
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it("fills a product question's {product} from the item itself, without calling Ozon, and counts against the answer's 3000", async () => {
    const question = await db.prisma.chat.create({
      data: { accountId, ozonChatId: "question:q-vars-1", type: "question", isBuyerChat: false, createdAt: new Date(), productName: "Чехол для телефона", productCount: 1, sku: "123456" },
    });
    await ozon.resetCalls();
    const values = await loadReplyVariables(db.prisma, async () => connection(), { accountId, chatId: question.id }, agent);
    expect(values).toEqual({ buyer: null, order_number: null, posting_number: null, product: "Чехол для телефона", delivery_date: null, agent: "Ольга" });
    expect((await ozon.calls()).total).toBe(0);

    // Over a chat message's 1000 once filled, well within an answer's 3000.
    const template = `${"а".repeat(995)}{product}`;
    expect(fillReplyVariables(template, values).tooLong).toBe(true);
    expect(fillReplyVariables(template, values, 3000)).toMatchObject({ tooLong: false, missing: [], length: 995 + [..."Чехол для телефона"].length });
  });

  it("offers first the replies whose words answer the buyer's last messages, then the most used", async () => {
    const { chatId } = await chatWithPosting();
    // The buyer's newest message, as a sync stores it.
    await db.prisma.message.create({
      data: { chatId, ozonMessageId: 9223372036854775000n, authorType: "customer", authorId: "b", text: "Как оформить возврат товара? Не подошёл размер", createdAt: new Date() },
    });
    const delivery = await saveSavedReply(db.prisma, admin, null, { title: "Сроки доставки", shortcut: "dost", text: "Доставка займёт 2–3 дня.", scope: "team" });
    const refund = await saveSavedReply(db.prisma, admin, null, { title: "Возврат", shortcut: "vozvrat", text: "Возврат оформляется в личном кабинете Ozon: Мои заказы → Вернуть товар.", scope: "team" });
    const thanks = await saveSavedReply(db.prisma, agent, null, { title: "Спасибо", shortcut: "spasibo", text: "Спасибо за заказ!", scope: "mine", accountId });
    await recordReplyUsage(db.prisma, agent, thanks.id);
    await recordReplyUsage(db.prisma, agent, thanks.id);

    const ranked = await listChatReplies(db.prisma, agent, { accountId, chatId });
    expect(ranked.map((reply) => reply.id)).toEqual([refund.id, thanks.id, delivery.id]);
    expect(ranked[0]!.rank).toBeGreaterThan(0);
    expect(ranked[1]!.usageCount).toBe(2);
    // Another agent does not see this agent's own reply.
    const other = await createTestUser(db, { accountIds: [accountId] });
    expect((await listChatReplies(db.prisma, other, { accountId, chatId })).map((reply) => reply.id)).not.toContain(thanks.id);
  });

  it("lets administrators manage the team's replies and agents their own only", async () => {
    await expect(saveSavedReply(db.prisma, agent, null, { title: "T", shortcut: "t", text: "x", scope: "team" })).rejects.toMatchObject({ code: "team_replies_admin_only" });
    const team = await saveSavedReply(db.prisma, admin, null, { title: "Команда", shortcut: "team", text: "Текст", scope: "team" });
    const own = await saveSavedReply(db.prisma, agent, null, { title: "Моё", shortcut: "Mine", text: "Мой текст", scope: "mine" });
    expect(own).toMatchObject({ shortcut: "mine", scope: "mine" });
    await expect(deleteSavedReply(db.prisma, agent, team.id)).rejects.toMatchObject({ code: "team_replies_admin_only" });
    await expect(deleteSavedReply(db.prisma, admin, own.id)).rejects.toMatchObject({ code: "saved_reply_not_found" });
    const stranger = await db.prisma.sellerAccount.create({ data: { name: "x", clientId: "999", apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "abcd" } });
    await expect(saveSavedReply(db.prisma, agent, null, { title: "A", shortcut: "a", text: "b", accountId: stranger.id })).rejects.toMatchObject({ code: "account_not_found" });
    expect((await listSavedReplies(db.prisma, agent)).map((reply) => reply.id).sort()).toEqual([team.id, own.id].sort());
    // Replies of one account: the administrator (who works every account) and its agents see them, others not.
    const forAccount = await saveSavedReply(db.prisma, admin, null, { title: "Аккаунт", shortcut: "acc", text: "x", scope: "team", accountId });
    const adminForAccount = await saveSavedReply(db.prisma, admin, null, { title: "Моё для аккаунта", shortcut: "acc2", text: "x", scope: "mine", accountId });
    expect((await listSavedReplies(db.prisma, admin)).map((reply) => reply.id)).toEqual(expect.arrayContaining([forAccount.id, adminForAccount.id]));
    expect((await listSavedReplies(db.prisma, agent)).map((reply) => reply.id)).toContain(forAccount.id);
    const outsider = await createTestUser(db, { accountIds: [] });
    expect((await listSavedReplies(db.prisma, outsider)).map((reply) => reply.id)).toEqual([team.id]);
    await db.prisma.savedReply.deleteMany({ where: { id: { in: [forAccount.id, adminForAccount.id] } } });
    // Each reply says whether this user may change it: the settings screen shows the server's answer.
    const rights = async (user: TestUser) => Object.fromEntries((await listSavedReplies(db.prisma, user)).map((reply) => [reply.id, reply.mayEdit]));
    expect(await rights(agent)).toEqual({ [team.id]: false, [own.id]: true });
    const adminOwn = await saveSavedReply(db.prisma, admin, null, { title: "Админа", shortcut: "adm", text: "x", scope: "mine" });
    expect(adminOwn.mayEdit).toBe(true);
    expect(await rights(admin)).toEqual({ [team.id]: true, [adminOwn.id]: true });
    // Up to an answer's 3000 characters without its variables (a chat's 1000 is checked once filled).
    await expect(saveSavedReply(db.prisma, agent, null, { title: "Long", shortcut: "long", text: "а".repeat(3001) })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["text"] })] });
    expect(await saveSavedReply(db.prisma, agent, null, { title: "Long", shortcut: "long", text: `${"а".repeat(2990)}{product}{order_number}` })).toMatchObject({ mayEdit: true });
    await db.prisma.savedReply.deleteMany({ where: { shortcut: { in: ["adm", "long"] } } });
    await deleteSavedReply(db.prisma, agent, own.id);
    expect(await db.prisma.savedReply.count()).toBe(1);
  });

  it("exports to CSV and JSON and imports them back, all or nothing", async () => {
    await saveSavedReply(db.prisma, agent, null, { title: 'Цитата "в кавычках"', shortcut: "q", text: "Строка 1,\nстрока 2", scope: "mine" });
    await saveSavedReply(db.prisma, agent, null, { title: "Заказ", shortcut: "order", text: "Ваш заказ {order_number}", scope: "mine", accountId });
    const exported = await listSavedReplies(db.prisma, agent);
    const csv = repliesToCsv(exported);
    const json = JSON.stringify({ replies: exported });
    await db.prisma.savedReply.deleteMany();

    expect(await importSavedReplies(db.prisma, agent, { format: "csv", content: csv })).toEqual({ imported: 2, skipped: 0 });
    const strip = (list: typeof exported) => list.map(({ title, shortcut, text, scope, accountId: account }) => ({ title, shortcut, text, scope, account }));
    expect(strip(await listSavedReplies(db.prisma, agent))).toEqual(strip(exported));
    await db.prisma.savedReply.deleteMany();
    expect(await importSavedReplies(db.prisma, agent, { format: "json", content: json })).toEqual({ imported: 2, skipped: 0 });
    expect(strip(await listSavedReplies(db.prisma, agent))).toEqual(strip(exported));
    // The same file again adds nothing; a row repeated in a file comes in once.
    expect(await importSavedReplies(db.prisma, agent, { format: "json", content: json })).toEqual({ imported: 0, skipped: 2 });
    expect(await importSavedReplies(db.prisma, agent, { format: "csv", content: csv.replace(/\r\n$/, "\r\n" + csv.split("\r\n")[1] + "\r\n") })).toEqual({ imported: 0, skipped: 3 });
    expect(await db.prisma.savedReply.count()).toBe(2);
    // An agent's export holds the team's replies it sees: they are skipped on the way back, not refused.
    const team = await saveSavedReply(db.prisma, admin, null, { title: "Команда", shortcut: "team", text: "Общий текст", scope: "team", accountId });
    const withTeam = JSON.stringify({ replies: await listSavedReplies(db.prisma, agent) });
    await db.prisma.savedReply.deleteMany({ where: { ownerId: agent.id } });
    expect(await importSavedReplies(db.prisma, agent, { format: "json", content: withTeam })).toEqual({ imported: 2, skipped: 1 });
    await db.prisma.savedReply.delete({ where: { id: team.id } });

    await expect(
      importSavedReplies(db.prisma, agent, { format: "json", content: JSON.stringify([{ title: "ok", shortcut: "ok", text: "ok" }, { title: "", shortcut: "x", text: "y" }]) }),
    ).rejects.toMatchObject({ code: "import_row_invalid", message: expect.stringMatching(/^Reply 2: title/) });
    await expect(importSavedReplies(db.prisma, agent, { format: "json", content: JSON.stringify([{ title: "t", shortcut: "t", text: "x", scope: "team" }]) })).rejects.toMatchObject({ code: "team_replies_admin_only" });
    expect(await db.prisma.savedReply.count()).toBe(2);
  });
});
