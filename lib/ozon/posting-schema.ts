/** The posting shape shared by the FBS/FBO get and list methods (only the fields Seller Inbox uses). */
import { z } from "zod";

import { looseStringSchema, optionalStringSchema } from "./schemas";

export type OzonPostingScheme = "FBS" | "rFBS" | "FBO";

export type OzonPostingProduct = {
  sku: string;
  offerId: string | null;
  name: string;
  quantity: number;
  /** Decimal string, as Ozon sends it. */
  price: string | null;
  currencyCode: string | null;
};

export type OzonPosting = {
  postingNumber: string;
  orderId: string | null;
  orderNumber: string | null;
  /** Derived from the endpoint and delivery_schema / is_rfbs. */
  scheme: OzonPostingScheme;
  deliverySchemaRaw: string | null;
  status: string;
  substatus: string | null;
  /** Processing start = payment. */
  inProcessAt: string | null;
  shipmentDate: string | null;
  deliveringDate: string | null;
  factDeliveryDate: string | null;
  createdAt: string | null;
  products: OzonPostingProduct[];
  availableActions: string[];
  /** `available_actions` includes "can_create_chat": /v1/chat/start would succeed now. */
  canCreateChat: boolean;
};

const productSchema = z
  .object({
    sku: looseStringSchema,
    offer_id: optionalStringSchema,
    name: z.string().nullish(),
    quantity: z.number().nullish(),
    price: optionalStringSchema,
    currency_code: optionalStringSchema,
  })
  .transform(
    (p): OzonPostingProduct => ({
      sku: p.sku,
      offerId: p.offer_id,
      name: p.name ?? "",
      quantity: p.quantity ?? 0,
      price: p.price,
      currencyCode: p.currency_code,
    }),
  );

/** Builds the posting schema; `endpointScheme` is what the endpoint serves (FBS get/list also serve rFBS). */
export function postingSchema(endpointScheme: "FBS" | "FBO") {
  return z
    .object({
      posting_number: z.string().min(1),
      order_id: optionalStringSchema,
      order_number: optionalStringSchema,
      status: z.string().nullish(),
      substatus: optionalStringSchema,
      in_process_at: optionalStringSchema,
      shipment_date: optionalStringSchema,
      delivering_date: optionalStringSchema,
      fact_delivery_date: optionalStringSchema,
      created_at: optionalStringSchema,
      products: z.array(productSchema).nullish(),
      available_actions: z.array(z.string()).nullish(),
      delivery_schema: optionalStringSchema,
      is_rfbs: z.boolean().nullish(),
    })
    .transform((p): OzonPosting => {
      const ds = p.delivery_schema;
      const scheme: OzonPostingScheme =
        endpointScheme === "FBO"
          ? "FBO"
          : p.is_rfbs === true || (ds !== null && ds.toUpperCase() === "RFBS")
            ? "rFBS"
            : "FBS";
      const availableActions = p.available_actions ?? [];
      return {
        postingNumber: p.posting_number,
        orderId: p.order_id,
        orderNumber: p.order_number,
        scheme,
        deliverySchemaRaw: ds,
        status: p.status ?? "",
        substatus: p.substatus,
        inProcessAt: p.in_process_at,
        shipmentDate: p.shipment_date,
        deliveringDate: p.delivering_date,
        factDeliveryDate: p.fact_delivery_date,
        createdAt: p.created_at,
        products: p.products ?? [],
        availableActions,
        canCreateChat: availableActions.includes("can_create_chat"),
      };
    });
}
