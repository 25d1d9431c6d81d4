import { z } from "zod";
import type { Message } from "@/lib/db/generated/client";
import { detectScamSigns } from "@/lib/policy/detect-scam-signs";
import { SCAM_SIGN_CODES } from "@/lib/policy/policy-rules";

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
  /** The browser's id of the outbox message this is (sent from this inbox): a tab replaces its bubble by it. */
  clientId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  sku: z.string().nullable(),
  /** A buyer's message that looks like a scam (claims to be Ozon's support, asks for a card or an SMS code): why. */
  scamSigns: z.array(z.enum(SCAM_SIGN_CODES)).optional(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export function toMessageView(message: Message & { sentBy?: { id: string; name: string } | null }): MessageView {
  const scamSigns = message.authorType === "customer" && !message.isImage ? detectScamSigns(message.text) : [];
  return {
    id: message.ozonMessageId.toString(),
    authorType: message.authorType,
    text: message.text,
    isImage: message.isImage,
    moderationStatus: message.moderationStatus,
    isRead: message.isRead,
    createdAt: message.createdAt.toISOString(),
    sentBy: message.sentBy ? { id: message.sentBy.id, name: message.sentBy.name } : null,
    clientId: message.clientId,
    orderNumber: message.orderNumber,
    sku: message.sku,
    ...(scamSigns.length > 0 ? { scamSigns } : {}),
  };
}
