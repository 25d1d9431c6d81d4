import { z } from "zod";
import type { OzonPosting } from "@/lib/ozon";

/** A posting for the order page: what the agent needs to answer the buyer, nothing of Ozon's internals. */
export const postingViewSchema = z.object({
  postingNumber: z.string(),
  orderNumber: z.string().nullable(),
  scheme: z.enum(["FBS", "rFBS", "FBO"]),
  status: z.string(),
  substatus: z.string().nullable(),
  dates: z.object({
    createdAt: z.string().nullable(),
    /** Payment (processing start). */
    paidAt: z.string().nullable(),
    shipmentDate: z.string().nullable(),
    deliveringAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  }),
  products: z.array(
    z.object({
      sku: z.string(),
      offerId: z.string().nullable(),
      name: z.string(),
      quantity: z.number(),
      price: z.string().nullable(),
      currencyCode: z.string().nullable(),
    }),
  ),
  /** Ozon would start a chat for it now (FBS/rFBS within the start window). */
  canCreateChat: z.boolean(),
  /** Our id of the cached chat about this posting, if any. */
  chatId: z.string().nullable(),
});
export type PostingView = z.infer<typeof postingViewSchema>;

export function toPostingView(posting: OzonPosting, chatId: string | null): PostingView {
  return {
    postingNumber: posting.postingNumber,
    orderNumber: posting.orderNumber,
    scheme: posting.scheme,
    status: posting.status,
    substatus: posting.substatus,
    dates: {
      createdAt: posting.createdAt,
      paidAt: posting.inProcessAt,
      shipmentDate: posting.shipmentDate,
      deliveringAt: posting.deliveringDate,
      deliveredAt: posting.factDeliveryDate,
    },
    products: posting.products.map((product) => ({
      sku: product.sku,
      offerId: product.offerId,
      name: product.name,
      quantity: product.quantity,
      price: product.price,
      currencyCode: product.currencyCode,
    })),
    canCreateChat: posting.canCreateChat,
    chatId,
  };
}
