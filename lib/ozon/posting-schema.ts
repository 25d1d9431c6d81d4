/** The posting shape shared by the FBS/FBO get and list methods (only the fields Seller Inbox uses). */
import { z } from "zod";

import { looseStringSchema, optionalStringSchema } from "./schemas";

export type OzonPostingScheme = "FBS" | "rFBS" | "FBO";

export type OzonPostingProduct = {
  sku: string;
  offerId: string | null;
  name: string;
  quantity: number;
  /** Decimal string, as Ozon sends it (the lists' `price.amount`). */
  price: string | null;
  currencyCode: string | null;
};

export type OzonPosting = {
  postingNumber: string;
  orderId: string | null;
  orderNumber: string | null;
  /** Derived from the endpoint and tpl_integration_type (delivery_schema / is_rfbs where given). */
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

/**
 * A product's price: the single-posting methods give a decimal string beside `currency_code` ("1530.0000"); the list
 * methods (/v4/posting/fbs/list, /v3/posting/fbo/list) an object `{amount: "12990.00", currency: "RUB"}` (Ozon's
 * schema, SW26). Both are accepted.
 */
const priceSchema = z.union([
  z.object({ amount: optionalStringSchema, currency: optionalStringSchema }),
  optionalStringSchema.transform((amount) => ({ amount, currency: null as string | null })),
]);

const productSchema = z
  .object({
    sku: looseStringSchema,
    offer_id: optionalStringSchema,
    name: z.string().nullish(),
    quantity: z.number().nullish(),
    price: priceSchema.nullish(),
    currency_code: optionalStringSchema,
  })
  .transform(
    (p): OzonPostingProduct => ({
      sku: p.sku,
      offerId: p.offer_id,
      name: p.name ?? "",
      quantity: p.quantity ?? 0,
      price: p.price?.amount ?? null,
      currencyCode: p.currency_code ?? p.price?.currency ?? null,
    }),
  );

/**
 * How live Ozon tells rFBS from FBS: `delivery_schema` in the v4 list says "fbs" for both; `tpl_integration_type` is
 * "ozon" when Ozon delivers (FBS), and "3pl_tracking", "non_integrated", "aggregator" or "hybryd" when the seller's
 * chosen service does (rFBS). See docs/ozon-wire-decisions.md, "rFBS".
 */
function isRfbsIntegration(tplIntegrationType: string | null): boolean {
  return tplIntegrationType !== null && tplIntegrationType.trim().toLowerCase() !== "ozon";
}

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
      tpl_integration_type: optionalStringSchema,
      is_rfbs: z.boolean().nullish(),
    })
    .transform((p): OzonPosting => {
      const ds = p.delivery_schema;
      const scheme: OzonPostingScheme =
        endpointScheme === "FBO"
          ? "FBO"
          : p.is_rfbs === true || (ds !== null && ds.toUpperCase() === "RFBS") || isRfbsIntegration(p.tpl_integration_type)
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
