import { z } from "zod";
import type { Chat } from "@/lib/db/generated/client";
import { computeReplyState, replyStateSchema } from "@/lib/reply-window/reply-state";

/** A cached chat as the browser sees it: our id for links, Ozon's for reference, no internal fields. */
export const chatViewSchema = z.object({
  id: z.string(),
  ozonChatId: z.string(),
  type: z.string(),
  isBuyerChat: z.boolean(),
  status: z.enum(["OPENED", "CLOSED"]),
  unreadCount: z.number().int(),
  lastMessageAt: z.iso.datetime().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastMessageAuthor: z.string().nullable(),
  postingNumber: z.string().nullable(),
  orderNumber: z.string().nullable(),
  /** The order's first product (its picture, null when none is known), and how many its postings hold; null until
   *  the chat's postings are read. */
  product: z.object({ name: z.string(), count: z.number().int(), imageUrl: z.string().nullable() }).nullable(),
  createdAt: z.iso.datetime(),
  /** May an agent write now, until when, and if not, why: decided here, never in the browser. */
  replyState: replyStateSchema,
  /** The team's side (lib/team): the owner (null: the pool), our status, and since when the buyer awaits a reply. */
  assigneeId: z.string().nullable(),
  workStatus: z.enum(["OPEN", "WAITING", "SNOOZED", "RESOLVED"]),
  snoozedUntil: z.iso.datetime().nullable(),
  awaitingSince: z.iso.datetime().nullable(),
  /** A product question or review (type "question" / "review", lib/feedback): its product, rating and photos, and
   *  Ozon's status of it. Absent on chats. */
  feedback: z
    .object({
      sku: z.string().nullable(),
      imageUrl: z.string().nullable(),
      rating: z.number().int().nullable(),
      photos: z.array(z.object({ url: z.string(), width: z.number(), height: z.number() })),
      status: z.string().nullable(),
    })
    .optional(),
});
export type ChatView = z.infer<typeof chatViewSchema>;

export function toChatView(chat: Chat): ChatView {
  return {
    id: chat.id,
    ozonChatId: chat.ozonChatId,
    type: chat.type,
    isBuyerChat: chat.isBuyerChat,
    status: chat.status,
    unreadCount: chat.unreadCount,
    lastMessageAt: chat.lastMessageAt?.toISOString() ?? null,
    lastMessagePreview: chat.lastMessagePreview,
    lastMessageAuthor: chat.lastMessageAuthor,
    postingNumber: chat.postingNumber,
    orderNumber: chat.orderNumber,
    product: chat.productName === null ? null : { name: chat.productName, count: chat.productCount, imageUrl: chat.productImageUrl },
    createdAt: chat.createdAt.toISOString(),
    replyState: computeReplyState(chat),
    assigneeId: chat.assigneeId,
    workStatus: chat.workStatus,
    snoozedUntil: chat.snoozedUntil?.toISOString() ?? null,
    awaitingSince: chat.awaitingSince?.toISOString() ?? null,
    ...(chat.type === "question" || chat.type === "review"
      ? {
          feedback: {
            sku: chat.sku,
            imageUrl: chat.productImageUrl,
            rating: chat.rating,
            photos: Array.isArray(chat.photos) ? (chat.photos as { url: string; width: number; height: number }[]) : [],
            status: chat.feedbackStatus,
          },
        }
      : {}),
  };
}
