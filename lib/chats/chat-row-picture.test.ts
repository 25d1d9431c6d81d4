import { beforeEach, expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { withEmulator } from "@/lib/testing/with-emulator";
import { toChatView } from "@/lib/cache/chat-view";
import { listProducts } from "@/lib/ozon";
import { refreshAccountPostings } from "@/lib/reply-window/refresh-account-postings";
import type { ChatPostingProduct } from "@/lib/reply-window/store-chat-postings";
import { resetToCachedDemoAccount } from "./test-helpers";

const emulator = withEmulator({ rateLimit: 0 });
const PRODUCT_INFO = "/v3/product/info/list";

forEachDatabase("a buyer chat row's product picture", (db) => {
  let accountId: string;
  const ozon = emulator.control;
  const connection = emulator.connection;

  beforeEach(async () => {
    accountId = await resetToCachedDemoAccount(db, connection(), { messages: true });
  });

  /** The buyer chats whose postings are stored, each with the first product (by posting number) of its postings. */
  async function chatsWithProducts() {
    const chats = await db.prisma.chat.findMany({
      where: { accountId, isBuyerChat: true, productCount: { gt: 0 } },
      include: { postings: { orderBy: { postingNumber: "asc" } } },
      orderBy: { id: "asc" },
    });
    return chats.map((chat) => ({ chat, first: chat.postings.flatMap((p) => p.products as unknown as ChatPostingProduct[])[0]! }));
  }

  /** Each chat's row has the picture Ozon's product card gives its first product (asked after the calls are counted). */
  async function expectRowPictures(rows: Awaited<ReturnType<typeof chatsWithProducts>>) {
    const { items } = await listProducts(connection(), { skus: [...new Set(rows.map((r) => r.first.sku))] });
    for (const { chat, first } of rows) {
      const picture = items.find((p) => p.sku === first.sku)?.primaryImage;
      expect(picture, `SKU ${first.sku} has a picture in the emulator's catalog`).toMatch(/^https:\/\//);
      expect(chat.productImageUrl, `chat ${chat.ozonChatId}`).toBe(picture);
      expect(chat.sku).toBe(first.sku);
      // What the list route answers, from the chat's own row.
      expect(toChatView(chat).product).toEqual({ name: first.name, count: chat.productCount, imageUrl: picture });
      // The order panel's products carry it too.
      expect(first.imageUrl).toBe(picture);
    }
  }

  async function productCalls(): Promise<number> {
    return (await ozon.calls()).by_path[PRODUCT_INFO] ?? 0;
  }

  it("a synced chat with a posting gets its first product's picture, its SKUs read in one call for all the chats", async () => {
    await ozon.resetCalls();
    const result = await refreshAccountPostings(db.prisma, connection(), accountId);
    expect(result.error).toBeNull();
    const rows = await chatsWithProducts();
    expect(rows.length).toBeGreaterThan(3);
    // The demo's chats fit one batch of postings (50 chats): one products call, not one per chat.
    expect(await productCalls()).toBe(1);
    await expectRowPictures(rows);
    expect(await db.prisma.ozonProduct.count({ where: { accountId } })).toBeGreaterThan(0);
  });

  it("chats stored without a picture (before pictures, or Ozon failed) get it on the next postings refresh, without reading their postings again", async () => {
    await ozon.addFault({ path: PRODUCT_INFO, mode: "error", status: 400 });
    const failed = await refreshAccountPostings(db.prisma, connection(), accountId);
    expect(failed.error).toBeNull();
    const withoutPictures = await chatsWithProducts();
    expect(withoutPictures.length).toBeGreaterThan(3);
    // The postings are stored all the same; the rows wait for their picture.
    for (const { chat } of withoutPictures) expect(chat).toMatchObject({ productImageUrl: null, sku: null });
    expect(await db.prisma.ozonProduct.count({ where: { accountId } })).toBe(0);

    await ozon.clearFaults();
    await ozon.resetCalls();
    const next = await refreshAccountPostings(db.prisma, connection(), accountId);
    expect(next.picturesChecked).toBe(withoutPictures.length);
    const calls = await ozon.calls();
    // Only the products call: the postings were read moments ago (and settled ones are never read again).
    expect(Object.keys(calls.by_path)).toEqual([PRODUCT_INFO]);
    expect(calls.by_path[PRODUCT_INFO]).toBe(1);
    const filled = await chatsWithProducts();
    // Once looked up, a chat is not looked at again (its SKU marks it), and the cache answers without Ozon.
    await ozon.resetCalls();
    const idle = await refreshAccountPostings(db.prisma, connection(), accountId);
    expect(idle.picturesChecked).toBe(0);
    expect(await productCalls()).toBe(0);
    await expectRowPictures(filled);
  });
});
