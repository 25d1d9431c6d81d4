import type { Db } from "@/lib/db/client";

import type { MetricsRange } from "./resolve-metrics-range";

/** One kind's figures over a range (seconds; percent 0–100; null = nothing to count). */
export type FeedbackKindMetrics = {
  /** Questions (reviews) Ozon says were published in the range. */
  items: number;
  /** Of those, the ones with an answer (comment) of ours, whenever it came; for an agent, the ones they answered first. */
  answered: number;
  answeredPercent: number | null;
  /** The median of (our first answer − the item's publication) over the answered ones. */
  medianAnswerSeconds: number | null;
};

export type FeedbackMetrics = { question: FeedbackKindMetrics; review: FeedbackKindMetrics };

/**
 * Questions and reviews of an account published in [$2, $3) (chats of type question/review, `created_at` = Ozon's
 * published_at), each with our first answer or comment: the first `seller` message not rejected by moderation (one
 * written here or in Ozon's seller portal; a deleted one has left the cache), found by the messages' (chat, Ozon id)
 * index, whose ids follow time for these items (docs/questions-and-reviews.md). $4: an agent's id, to count only the
 * items whose first answer is theirs; null for the team.
 */
const FEEDBACK_METRICS_SQL = `
WITH items AS (
  SELECT c.type AS kind,
         CASE WHEN first_answer.at IS NOT NULL AND ($4::text IS NULL OR first_answer.by = $4::text)
              THEN greatest(0, extract(epoch FROM first_answer.at - c.created_at)) END AS answer_seconds
  FROM chats c
  LEFT JOIN LATERAL (
    SELECT m.created_at AS at, m.sent_by_user_id AS by
    FROM messages m
    WHERE m.chat_id = c.id AND m.author_type = 'seller' AND m.moderation_status IS DISTINCT FROM 'REJECTED'
    ORDER BY m.ozon_message_id
    LIMIT 1
  ) first_answer ON true
  WHERE c.account_id = $1 AND c.type IN ('question', 'review')
    AND c.created_at >= $2::timestamptz AND c.created_at < $3::timestamptz
)
SELECT kind,
       count(*)::int AS items,
       count(answer_seconds)::int AS answered,
       (percentile_cont(0.5) WITHIN GROUP (ORDER BY answer_seconds))::float8 AS median_seconds
FROM items
GROUP BY kind`;

type Row = { kind: string; items: number; answered: number; median_seconds: number | null };

/**
 * The questions' and reviews' figures beside the chats' (docs/metrics.md "Questions and reviews"): how many of those
 * published in the range we answered, and how long the answer took (the median, as the chats' response time), by one
 * SQL statement over the cache. With `agentId`, the answers that agent gave first.
 */
export async function loadFeedbackMetrics(db: Db, input: { accountId: string; range: MetricsRange; agentId?: string | null }): Promise<FeedbackMetrics> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    FEEDBACK_METRICS_SQL,
    input.accountId,
    input.range.from.toISOString(),
    input.range.to.toISOString(),
    input.agentId ?? null,
  );
  const of = (kind: "question" | "review"): FeedbackKindMetrics => {
    const row = rows.find((r) => r.kind === kind);
    const items = row?.items ?? 0;
    const answered = row?.answered ?? 0;
    return { items, answered, answeredPercent: items === 0 ? null : (answered / items) * 100, medianAnswerSeconds: row?.median_seconds ?? null };
  };
  return { question: of("question"), review: of("review") };
}
