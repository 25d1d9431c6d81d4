import { z } from "zod";
import type { ChatPosting } from "@/lib/db/generated/client";
import { postingViewSchema } from "./posting-view";

/** A posting a chat is about, as the thread's order panel shows it (stored in chat_postings). */
export const chatPostingViewSchema = z.object({
  postingNumber: z.string(),
  orderNumber: z.string().nullable(),
  scheme: z.enum(["FBS", "rFBS", "FBO"]),
  status: z.string(),
  substatus: z.string().nullable(),
  paidAt: z.iso.datetime().nullable(),
  shipmentDate: z.iso.datetime().nullable(),
  deliveringAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  /** The products as the order page shows them, with a picture when one is known. */
  products: z.array(postingViewSchema.shape.products.element.extend({ imageUrl: z.string().nullable() })),
});
export type ChatPostingView = z.infer<typeof chatPostingViewSchema>;

const productsSchema = chatPostingViewSchema.shape.products.catch([]);

export function toChatPostingView(row: ChatPosting): ChatPostingView {
  const scheme = row.scheme === "FBO" || row.scheme === "rFBS" ? row.scheme : "FBS";
  return {
    postingNumber: row.postingNumber,
    orderNumber: row.orderNumber,
    scheme,
    status: row.status,
    substatus: row.substatus,
    paidAt: row.paidAt?.toISOString() ?? null,
    shipmentDate: row.shipmentDate?.toISOString() ?? null,
    deliveringAt: row.deliveringAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    products: productsSchema.parse(row.products),
  };
}
