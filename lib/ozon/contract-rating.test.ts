/**
 * Contract: /v1/rating/summary and /v1/rating/history.
 *
 * 1. Ozon's own example bodies, served over real HTTP, parse losslessly with our client. The examples are the ones of
 *    Ozon's Seller API reference (RatingAPI_RatingSummaryV1 / RatingAPI_RatingHistoryV1) as the Go client
 *    github.com/diPhantxm/ozon-api-client keeps them in its fixtures (ozon/rating_test.go; the date values
 *    "2019-08-24T14:15:22Z" are the reference's placeholders).
 * 2. The emulator answers with every field those examples have, of the same JSON type.
 * 3. The emulator's chat ratings follow a scripted history on its clock: figures computed by hand.
 */
import { describe, expect, it } from "vitest";
import { expectShapeOf, jsonShape, serveOzonExamples } from "@/lib/testing/serve-ozon-examples";
import { withEmulator } from "@/lib/testing/with-emulator";

import { getRatingHistory } from "./get-rating-history";
import { getRatingSummary, ratingItemsByCode } from "./get-rating-summary";
import { isOzonApiError } from "./errors";

const SUMMARY_EXAMPLE = `{
  "groups": [
    {
      "group_name": "my-group",
      "items": [
        {
          "change": { "direction": "DIRECTION_RISE", "meaning": "MEANING_GOOD" },
          "current_value": 15.2,
          "name": "my-rating-name",
          "past_value": 15.1,
          "rating": "my-rating",
          "rating_direction": "HIGHER_IS_BETTER",
          "status": "OK",
          "value_type": "INDEX"
        }
      ]
    }
  ],
  "penalty_score_exceeded": true,
  "premium": true
}`;

const HISTORY_EXAMPLE = `{
  "premium_scores": [
    { "rating": "string", "scores": [ { "date": "2019-08-24T14:15:22Z", "rating_value": 5, "value": 5 } ] }
  ],
  "ratings": [
    {
      "danger_threshold": 1,
      "premium_threshold": 2,
      "rating": "my-rating-system",
      "values": [
        {
          "date_from": "2019-08-24T14:15:22Z",
          "date_to": "2019-08-24T14:15:22Z",
          "status": { "danger": true, "premium": true, "warning": true },
          "value": 12
        }
      ],
      "warning_threshold": 3
    }
  ]
}`;

describe("Ozon's examples over real HTTP", () => {
  const { received, connection: conn } = serveOzonExamples({ "/v1/rating/summary": SUMMARY_EXAMPLE, "/v1/rating/history": HISTORY_EXAMPLE });

  it("summary", async () => {
    const r = await getRatingSummary(conn());
    expect(received.at(-1)).toEqual({ path: "/v1/rating/summary", body: "{}" });
    expect(r).toEqual({
      groups: [
        {
          groupName: "my-group",
          items: [
            {
              rating: "my-rating",
              name: "my-rating-name",
              currentValue: 15.2,
              pastValue: 15.1,
              status: "OK",
              valueType: "INDEX",
              ratingDirection: "HIGHER_IS_BETTER",
              change: { direction: "DIRECTION_RISE", meaning: "MEANING_GOOD" },
            },
          ],
        },
      ],
      penaltyScoreExceeded: true,
      premium: true,
      premiumPlus: false,
    });
    expect(ratingItemsByCode(r).get("my-rating")?.currentValue).toBe(15.2);
  });

  it("history", async () => {
    const r = await getRatingHistory(conn(), {
      from: new Date("2019-08-24T14:15:22Z"),
      to: new Date("2019-08-25T14:15:22Z"),
      ratings: ["rating_reaction_time"],
      withPremiumScores: true,
    });
    expect(JSON.parse(received.at(-1)!.body)).toEqual({
      date_from: "2019-08-24T14:15:22.000Z",
      date_to: "2019-08-25T14:15:22.000Z",
      ratings: ["rating_reaction_time"],
      with_premium_scores: true,
    });
    expect(r).toEqual({
      ratings: [
        {
          rating: "my-rating-system",
          dangerThreshold: 1,
          premiumThreshold: 2,
          warningThreshold: 3,
          values: [
            {
              dateFrom: "2019-08-24T14:15:22Z",
              dateTo: "2019-08-24T14:15:22Z",
              value: 12,
              status: { danger: true, premium: true, warning: true },
            },
          ],
        },
      ],
      premiumScores: [{ rating: "string", scores: [{ date: "2019-08-24T14:15:22Z", ratingValue: 5, value: 5 }] }],
    });
  });

  it("refuses a history request without ratings before the wire", async () => {
    const before = received.length;
    const e = await getRatingHistory(conn(), { from: new Date(), to: new Date(), ratings: [] }).catch((x: unknown) => x);
    expect(isOzonApiError(e) && e.kind).toBe("invalid_input");
    expect(received.length).toBe(before);
  });
});

describe("the emulator's rating methods", () => {
  const emulator = withEmulator({ rateLimit: 0 });
  const ctl = emulator.control;

  it("answer with every field of Ozon's examples, of the same type", async () => {
    const summary = await emulator.ozon.call("/v1/rating/summary", {});
    expect(summary.status).toBe(200);
    expectShapeOf(SUMMARY_EXAMPLE, summary.json);
    const now = new Date((await ctl.health()).now);
    const history = await emulator.ozon.call("/v1/rating/history", {
      date_from: new Date(now.getTime() - 3 * 86_400_000).toISOString(),
      date_to: now.toISOString(),
      ratings: ["rating_reaction_time", "rating_replied_dialogs_ratio"],
      with_premium_scores: true,
    });
    expect(history.status).toBe(200);
    // premium_scores is empty for chat ratings (Ozon gives penalty scores only for rating_on_time and review scores).
    const premiumScores = [...jsonShape(JSON.parse(HISTORY_EXAMPLE)).keys()].filter((path) => path.startsWith("$.premium_scores[]"));
    expectShapeOf(HISTORY_EXAMPLE, history.json, premiumScores);
    expect(history.json.ratings.map((r: { rating: string }) => r.rating)).toEqual(["rating_reaction_time", "rating_replied_dialogs_ratio"]);
    // one value per UTC day from date_from's day through today
    expect(history.json.ratings[0].values).toHaveLength(4);
  });

  it("rejects a history request without dates or ratings (400, Ozon's error body)", async () => {
    const noRatings = await emulator.ozon.call("/v1/rating/history", { date_from: "2026-01-01T00:00:00Z", date_to: "2026-01-02T00:00:00Z" });
    expect(noRatings.status).toBe(400);
    expect(noRatings.json).toMatchObject({ code: 3, message: "ratings is required" });
    const noDate = await emulator.ozon.call("/v1/rating/history", { ratings: ["rating_reaction_time"] });
    expect(noDate.status).toBe(400);
    const reversed = await emulator.ozon.call("/v1/rating/history", {
      date_from: "2026-01-02T00:00:00Z",
      date_to: "2026-01-01T00:00:00Z",
      ratings: ["rating_reaction_time"],
    });
    expect(reversed.status).toBe(400);
  });

  it("computes the chat ratings from a scripted history on its clock", async () => {
    // Past every seeded message, for both the current and the previous 30-day window.
    await ctl.advanceClock({ hours: 24 * 120 });
    const postings = (await ctl.state()).postings.filter((p) => p.chat_id === null).map((p) => p.posting_number);
    const [pa, pb, pc] = postings;
    const a = await ctl.buyerMessage({ posting_number: pa!, text: "Вопрос A" });
    await ctl.advanceClock({ minutes: 30 });
    await ctl.buyerMessage({ chat_id: a.chat_id, text: "Вопрос A, ещё" }); // same turn: waits since the first
    await ctl.advanceClock({ hours: 1, minutes: 30 });
    await ctl.sellerMessage({ chat_id: a.chat_id, text: "Ответ A" }); // 2 h after the first question
    const b = await ctl.buyerMessage({ posting_number: pb!, text: "Вопрос B" });
    await ctl.advanceClock({ hours: 1 });
    await ctl.buyerMessage({ chat_id: a.chat_id, text: "Второй вопрос A" }); // a second turn in chat A
    await ctl.advanceClock({ hours: 1 });
    await ctl.sellerMessage({ chat_id: a.chat_id, text: "Второй ответ A" }); // 1 h
    await ctl.advanceClock({ hours: 28 });
    await ctl.sellerMessage({ chat_id: b.chat_id, text: "Ответ B" }); // 30 h after B: not within 24 h
    await ctl.buyerMessage({ posting_number: pc!, text: "Вопрос C" }); // never answered
    await ctl.advanceClock({ hours: 25 });

    const state = await ctl.state();
    const times = (chatId: string) => state.chats.find((c) => c.chat_id === chatId)!.messages.map((m) => Date.parse(m.created_at));
    const [a1, , a2, a3, a4] = times(a.chat_id);
    const [b1, b2] = times(b.chat_id);
    const firstA = a2! - a1!;
    const secondA = a4! - a3!;
    const firstB = b2! - b1!;
    expect(firstA).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(firstB).toBeGreaterThan(24 * 3_600_000);

    const summary = ratingItemsByCode(await getRatingSummary(emulator.connection()));
    // first replies: A (2 h) and B (30 h); C never answered
    expect(summary.get("rating_reaction_time")?.currentValue).toBeCloseTo((firstA + firstB) / 2 / 1000, 6);
    // every answered turn: A's two and B's
    expect(summary.get("rating_average_response_time")?.currentValue).toBeCloseTo((firstA + secondA + firstB) / 3 / 1000, 6);
    // dialogs A, B, C (C is older than 24 h): only A was answered within 24 h
    expect(summary.get("rating_replied_dialogs_ratio")?.currentValue).toBeCloseTo(100 / 3, 6);
    expect(summary.get("rating_replied_dialogs_ratio")).toMatchObject({ valueType: "PERCENT", status: "CRITICAL", ratingDirection: "HIGHER_IS_BETTER" });
    expect(summary.get("rating_reaction_time")).toMatchObject({ valueType: "TIME", status: "WARNING", pastValue: 0 });
    expect(summary.get("rating_reaction_time")?.change).toEqual({ direction: "DIRECTION_RISE", meaning: "MEANING_BAD" });

    const now = Date.parse(state.now);
    const history = await getRatingHistory(emulator.connection(), {
      from: new Date(now - 86_400_000),
      to: new Date(now),
      ratings: ["rating_average_response_time", "rating_unknown"],
    });
    expect(history.ratings.map((r) => r.rating)).toEqual(["rating_average_response_time"]);
    const today = history.ratings[0]!.values.at(-1)!;
    expect(today.value).toBeCloseTo((firstA + secondA + firstB) / 3 / 1000, 6);
    expect(today.status).toEqual({ danger: false, premium: false, warning: true });
  });

  it("answers the seller without a chat subscription too", async () => {
    const r = await getRatingSummary(emulator.connection({ clientId: "basic-client", apiKey: "basic-api-key" }));
    expect(r.premium).toBe(false);
    expect(r.premiumPlus).toBe(false);
  });
});
