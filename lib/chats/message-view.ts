import { z } from "zod";
import type { Message } from "@/lib/db/generated/client";

/** A cached message for the browser. Ozon's id is a uint64 beyond 2^53, so it always travels as a decimal string. */
export const messageViewSchema = z.object({
  id: z.string().regex(/^\d+$/),
  authorType: z.string(),
  text: z.string(),
  isImage: z.boolean(),
  moderationStatus: z.string().nullable(),
  isRead: z.boolean(),
  createdAt: z.iso.datetime(),
  sentBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  orderNumber: z.string().nullable(),
  sku: z.string().nullable(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export function toMessageView(message: Message & { sentBy?: { id: string; name: string } | null }): MessageView {
  return {
    id: message.ozonMessageId.toString(),
    authorType: message.authorType,
    text: message.text,
    isImage: message.isImage,
    moderationStatus: message.moderationStatus,
    isRead: message.isRead,
    createdAt: message.createdAt.toISOString(),
    sentBy: message.sentBy ? { id: message.sentBy.id, name: message.sentBy.name } : null,
    orderNumber: message.orderNumber,
    sku: message.sku,
  };
}
