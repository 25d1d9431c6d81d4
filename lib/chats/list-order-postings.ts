import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getPosting, isOzonApiError, listRecentPostings, type OzonConnection } from "@/lib/ozon";
import { postingViewSchema, toPostingView } from "@/lib/cache/posting-view";

const LIMIT_WORDS = "limit must be a whole number from 1 to 100";

const listOrderPostingsRequestSchema = z.object({
  /** The start of a posting number (or of its order number). */
  search: z.preprocess(
    (value) => (value === null ? undefined : value),
    z.string().trim().max(64, { error: "search must be at most 64 characters" }).optional(),
  ),
  limit: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.number({ error: LIMIT_WORDS }).int({ error: LIMIT_WORDS }).min(1, { error: LIMIT_WORDS }).max(100, { error: LIMIT_WORDS }).default(50),
  ),
});
export type ListOrderPostingsRequest = z.input<typeof listOrderPostingsRequestSchema>;

export const listOrderPostingsResponseSchema = z.object({
  postings: z.array(postingViewSchema),
  /** False when Ozon had more postings in the period than were read. */
  complete: z.boolean(),
});
export type ListOrderPostingsResponse = z.infer<typeof listOrderPostingsResponseSchema>;

const FULL_POSTING_NUMBER = /^\d+-\d+-\d+$/;

/** How far back the order picker looks. */
const RECENT_POSTINGS_DAYS = 30;

/**
 * The account's recent postings (30 days) of every scheme from Ozon, newest first, optionally by posting number
 * prefix; a complete posting number older than that is looked up directly.
 */
export async function listOrderPostings(
  db: Db,
  connection: OzonConnection,
  accountId: string,
  request: ListOrderPostingsRequest,
): Promise<ListOrderPostingsResponse> {
  const { search, limit } = listOrderPostingsRequestSchema.parse(request);
  const recent = await listRecentPostings(connection, { days: RECENT_POSTINGS_DAYS, maxPages: 10 });
  let postings = recent.postings.filter((posting) => !search || posting.postingNumber.startsWith(search)).slice(0, limit);
  if (postings.length === 0 && search && FULL_POSTING_NUMBER.test(search)) {
    // An older posting, typed in full: Ozon finds it by number.
    const older = await getPosting(connection, { postingNumber: search }).catch((error: unknown) => {
      if (isOzonApiError(error) && error.kind === "not_found") return null;
      throw error;
    });
    if (older) postings = [older];
  }
  const chats = postings.length
    ? await db.chat.findMany({
        where: { accountId, postingNumber: { in: postings.map((posting) => posting.postingNumber) } },
        select: { id: true, postingNumber: true },
      })
    : [];
  const chatByPosting = new Map(chats.map((chat) => [chat.postingNumber, chat.id]));
  return {
    postings: postings.map((posting) => toPostingView(posting, chatByPosting.get(posting.postingNumber) ?? null)),
    complete: recent.complete,
  };
}
