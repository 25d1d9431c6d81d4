/** POST /v1/seller/info — company and subscription (chat methods need PREMIUM_PLUS or PREMIUM_PRO). */
import { z } from "zod";

import type { OzonCallOptions, OzonConnection } from "./connection";
import { ozonRequest } from "./request";

const GET_SELLER_INFO_PATH = "/v1/seller/info";

const CHAT_SUBSCRIPTIONS = ["PREMIUM_PLUS", "PREMIUM_PRO"] as const;

const getSellerInfoResponseSchema = z
  .object({
    company: z.object({ name: z.string().nullish() }).nullish(),
    subscription: z
      .object({ is_premium: z.boolean().nullish(), type: z.string().nullish() })
      .nullish(),
  })
  .transform((r) => {
    const type = (r.subscription?.type ?? "UNKNOWN").toUpperCase();
    return {
      companyName: r.company?.name ?? null,
      subscription: {
        isPremium: r.subscription?.is_premium ?? false,
        /** "PREMIUM_PLUS" | "PREMIUM_PRO" | "PREMIUM" | "UNKNOWN" | ... */
        type,
        /** Whether this subscription opens the chat methods (Premium Plus or Premium Pro). */
        allowsChat: (CHAT_SUBSCRIPTIONS as readonly string[]).includes(type),
      },
    };
  });
export type GetSellerInfoResult = z.output<typeof getSellerInfoResponseSchema>;

export async function getSellerInfo(conn: OzonConnection, opts?: OzonCallOptions): Promise<GetSellerInfoResult> {
  return ozonRequest(
    conn,
    { path: GET_SELLER_INFO_PATH, body: {}, schema: getSellerInfoResponseSchema, idempotent: true },
    opts,
  );
}
