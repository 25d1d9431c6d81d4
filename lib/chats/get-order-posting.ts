import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getPosting, type OzonConnection } from "@/lib/ozon";
import { postingNumberSchema } from "./posting-number-schema";
import { postingViewSchema, toPostingView } from "./posting-view";

export const getOrderPostingRequestSchema = z.object({ postingNumber: postingNumberSchema });
export type GetOrderPostingRequest = z.input<typeof getOrderPostingRequestSchema>;

export const getOrderPostingResponseSchema = z.object({ posting: postingViewSchema });
export type GetOrderPostingResponse = z.infer<typeof getOrderPostingResponseSchema>;

/** One posting from Ozon (FBS, rFBS or FBO), with the inbox's chat about it when there is one. */
export async function getOrderPosting(
  db: Db,
  connection: OzonConnection,
  accountId: string,
  request: GetOrderPostingRequest,
): Promise<GetOrderPostingResponse> {
  const { postingNumber } = getOrderPostingRequestSchema.parse(request);
  const posting = await getPosting(connection, { postingNumber });
  const chat = await db.chat.findFirst({
    where: { accountId, postingNumber: posting.postingNumber },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return { posting: toPostingView(posting, chat?.id ?? null) };
}
