/**
 * Ozon's seller ratings about chats (the ones Seller Inbox puts beside its own figures), as `/v1/rating/summary` and
 * `/v1/rating/history` name them. Ozon's descriptions (RatingAPI, `ratings` of RatingHistoryV1Request):
 * - `rating_reaction_time`: the time, in seconds, buyers waited on average for an answer to their first message in
 *   a chat over the last 30 days;
 * - `rating_average_response_time`: the time, in seconds, buyers waited on average for your answer over the last 30 days;
 * - `rating_replied_dialogs_ratio`: the share of dialogs with at least one answer of yours within 24 hours over the
 *   last 30 days.
 */
export const CHAT_RATINGS = ["rating_reaction_time", "rating_average_response_time", "rating_replied_dialogs_ratio"] as const;
export type ChatRating = (typeof CHAT_RATINGS)[number];
