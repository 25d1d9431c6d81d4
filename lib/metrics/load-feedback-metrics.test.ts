/**
 * The questions' and reviews' figures on a real database, from items stored the way the poll stores them: what was
 * published in the range, how many we answered (here or in Ozon's seller portal; a rejected answer is none), and the
 * median time to our first answer, for the team and for an agent's own answers.
 */
import { beforeAll, expect, it } from "vitest";
import { createTestUser, type TestUser } from "@/lib/auth/testing";
import { forEachDatabase } from "@/lib/db/testing";
import { storeFeedbackItem, type FeedbackItem, type FeedbackReply } from "@/lib/feedback/store-feedback-item";

import { loadFeedbackMetrics } from "./load-feedback-metrics";
import type { MetricsRange } from "./resolve-metrics-range";

const H = 3600;
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour, minute)).toISOString();
const range = (fromDay: number, toDay: number): MetricsRange => ({ kind: "custom", from: new Date(at(fromDay, 0)), to: new Date(at(toDay, 0)), timeZone: "UTC" });

forEachDatabase("metrics of questions and reviews", (db) => {
  let accountId: string;
  let anna: TestUser;
  let boris: TestUser;

  beforeAll(async () => {
    await db.reset();
    const account = (name: string) =>
      db.prisma.sellerAccount.create({ data: { name, clientId: name, apiKeyCiphertext: new Uint8Array([1]), apiKeyLast4: "abcd" }, select: { id: true } });
    accountId = (await account("Shop")).id;
    const otherId = (await account("Other")).id;
    anna = await createTestUser(db, { accountIds: [accountId], name: "Анна" });
    boris = await createTestUser(db, { accountIds: [accountId], name: "Борис" });

    let n = 0;
    const reply = (author: FeedbackReply["author"], publishedAt: string, moderation: string | null = "PUBLISHED"): FeedbackReply => ({
      ozonId: `a-${++n}`,
      text: "Ответ",
      author,
      authorName: author === "seller" ? "Shop" : "Анна К.",
      publishedAt,
      moderation,
    });
    const store = async (kind: FeedbackItem["kind"], ozonId: string, publishedAt: string, replies: FeedbackReply[], by: TestUser[] = [], account = accountId) => {
      await storeFeedbackItem(db.prisma, account, {
        ...{ kind, ozonId, sku: "1", text: "Текст", authorName: "Анна К.", publishedAt, status: "NEW", replyCount: replies.length },
        ...{ rating: kind === "review" ? 1 : null, photos: null, product: null, replies, repliesComplete: true },
      });
      // Our answers sent from this inbox name their agent, in order; the rest came from Ozon's seller portal.
      const ours = replies.filter((r) => r.author === "seller");
      for (const [i, user] of by.entries()) await db.prisma.message.updateMany({ where: { ozonItemId: ours[i]!.ozonId }, data: { sentByUserId: user.id } });
    };

    await store("question", "q1", at(2, 10), [reply("seller", at(2, 11))], [anna]); // 1 h, Анна
    await store("question", "q2", at(3, 10), [reply("buyer_other", at(3, 10, 30)), reply("seller", at(3, 13))]); // 3 h, the portal
    await store("question", "q3", at(4, 10), [reply("seller", at(4, 10, 10), "REJECTED"), reply("seller", at(4, 15))], [anna, boris]); // 5 h, Борис
    await store("question", "q4", at(5, 10), []); // unanswered
    await store("question", "q0", at(1, 10), [reply("seller", at(1, 10, 1), "MODERATION")]); // 1 min, in moderation: answered
    await store("question", "q-before", "2026-11-20T10:00:00Z", [reply("seller", at(2, 9))]); // published before the range
    await store("question", "q-other", at(2, 10), [], [], otherId); // another account's
    await store("review", "r1", at(2, 10), [reply("seller", at(2, 12))], [anna]); // 2 h, Анна
    await store("review", "r2", at(6, 10), [reply("ozon", at(6, 11))]); // only Ozon's official comment: unanswered
  });

  it("counts the range's items, the answered share and the median time to our first answer, for the team", async () => {
    const team = await loadFeedbackMetrics(db.prisma, { accountId, range: range(1, 8) });
    // Questions q0..q4: answered after 60 s, 1 h, 3 h, 5 h; q4 not.
    expect(team.question).toEqual({ items: 5, answered: 4, answeredPercent: 80, medianAnswerSeconds: (1 * H + 3 * H) / 2 });
    expect(team.review).toEqual({ items: 2, answered: 1, answeredPercent: 50, medianAnswerSeconds: 2 * H });
    // A range holds what was published in it; the answer counts whenever it came.
    expect((await loadFeedbackMetrics(db.prisma, { accountId, range: range(3, 5) })).question).toEqual({
      items: 2,
      answered: 2,
      answeredPercent: 100,
      medianAnswerSeconds: 4 * H,
    });
    expect(await loadFeedbackMetrics(db.prisma, { accountId, range: range(20, 21) })).toEqual({
      question: { items: 0, answered: 0, answeredPercent: null, medianAnswerSeconds: null },
      review: { items: 0, answered: 0, answeredPercent: null, medianAnswerSeconds: null },
    });
  });

  it("gives an agent the items they answered first", async () => {
    const own = await loadFeedbackMetrics(db.prisma, { accountId, range: range(1, 8), agentId: anna.id });
    // Анна's rejected answer to q3 is none: Борис answered it.
    expect(own.question).toEqual({ items: 5, answered: 1, answeredPercent: 20, medianAnswerSeconds: 1 * H });
    expect(own.review).toEqual({ items: 2, answered: 1, answeredPercent: 50, medianAnswerSeconds: 2 * H });
    expect((await loadFeedbackMetrics(db.prisma, { accountId, range: range(1, 8), agentId: boris.id })).question).toMatchObject({ answered: 1, medianAnswerSeconds: 5 * H });
  });
});
