import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getPosting, type OzonConnection } from "@/lib/ozon";
import { findChatForPosting } from "./find-chat-for-posting";
import { postingNumberSchema } from "./posting-number-schema";
import { postingViewSchema, toPostingView } from "@/lib/cache/posting-view";

const getOrderPostingRequestSchema = z.object({ postingNumber: postingNumberSchema });
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
  const chat = await findChatForPosting(db, accountId, posting);
  return { posting: toPostingView(posting, chat?.id ?? null) };
}
