import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getPosting, isOzonApiError, type OzonConnection } from "@/lib/ozon";
import { refreshChatPostings } from "@/lib/reply-window/refresh-chat-postings";
import type { ReplyVariableValues } from "./reply-variables";

/**
 * The values of a chat's reply variables: its order and posting numbers from the cache (the chat's own, else the
 * newest message carrying an order), the posting's products and delivery date from Ozon (one call; left unknown
 * when Ozon does not answer), the agent's name. Ozon does not tell a buyer's name in chats: {buyer} stays unknown.
 * A product question or review has no order: its {product} is the item's own product (on the row), and a question's
 * {buyer} the author_name Ozon gives with it (cached as its first message's author), both read without Ozon. Ozon's
 * review listing names no author, and its stand-in for a hidden name ("Пользователь OZON") is no name: unknown.
 */
export async function loadReplyVariables(
  db: Db,
  connection: () => Promise<OzonConnection>,
  target: { accountId: string; chatId: string },
  agent: { name: string },
): Promise<ReplyVariableValues> {
  const chat = await db.chat.findFirst({ where: { id: target.chatId, accountId: target.accountId } });
  if (!chat) throw new AppError("chat_not_found");
  if (chat.type === "question" || chat.type === "review") {
    const asked = await db.message.findFirst({
      where: { chatId: chat.id, authorType: "customer" },
      orderBy: { ozonMessageId: "asc" },
      select: { authorId: true },
    });
    return { buyer: buyerName(asked?.authorId), order_number: null, posting_number: null, product: chat.productName, delivery_date: null, agent: agent.name };
  }
  const withOrder = chat.orderNumber
    ? null
    : await db.message.findFirst({ where: { chatId: chat.id, orderNumber: { not: null } }, orderBy: { ozonMessageId: "desc" }, select: { orderNumber: true } });
  // An imported chat knows its order number only: its postings come from the chat↔posting link (read as the order
  // panel reads it).
  let postingNumber = chat.postingNumber;
  if (!postingNumber) {
    try {
      await refreshChatPostings(db, await connection(), chat.id);
    } catch (error) {
      if (!isOzonApiError(error)) throw error;
    }
    const linked = await db.chatPosting.findFirst({ where: { chatId: chat.id }, orderBy: { postingNumber: "asc" }, select: { postingNumber: true } });
    postingNumber = linked?.postingNumber ?? null;
  }
  const values: ReplyVariableValues = {
    buyer: null,
    order_number: chat.orderNumber ?? withOrder?.orderNumber ?? null,
    posting_number: postingNumber,
    product: null,
    delivery_date: null,
    agent: agent.name,
  };
  if (!postingNumber) return values;
  try {
    const posting = await getPosting(await connection(), { postingNumber });
    values.order_number ??= posting.orderNumber;
    values.product = posting.products.map((product) => product.name).filter(Boolean).join(", ") || null;
    const date = posting.factDeliveryDate ?? posting.deliveringDate ?? posting.shipmentDate;
    values.delivery_date = date ? formatDay(date) : null;
  } catch (error) {
    if (!isOzonApiError(error)) throw error;
  }
  return values;
}

/** 12.03.2025: the way Ozon's buyers read dates. */
function formatDay(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat("ru-RU", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Moscow" }).format(date);
}

/** Ozon's placeholder for a buyer who hides their name, in either language: not a name to greet anyone by. */
const NO_NAME = /^(пользователь|покупатель|user|customer)\s+ozon$/iu;

/** The name a question's author goes by, or null where Ozon gives none (blank, or its placeholder). */
function buyerName(authorName: string | null | undefined): string | null {
  const name = authorName?.replace(/\s+/gu, " ").trim() ?? "";
  return name === "" || NO_NAME.test(name) ? null : name;
}
