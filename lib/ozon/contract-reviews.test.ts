/**
 * Contract: Ozon's review methods (/v2/review/…, /v1/review/comment/…) and product cards (/v3/product/info/list), and
 * the emulator's side of them.
 *
 * 1. Ozon's own example bodies (Seller API reference 2026, ReviewAPI: ReviewListV2, ReviewInfoV2, ReviewCountV2,
 *    ReviewAPI_CommentCreate, ReviewAPI_CommentList with the April 2026 moderation fields) are served over real HTTP
 *    and parsed by our client.
 * 2. The emulator answers with every field of those examples, of the same JSON type, and takes Ozon's example requests.
 * 3. The client against the emulator over HTTP: paging, filters, counts, status changes, comments with their limits,
 *    moderation, the review-subscription refusal, auth and the rate limit.
 */
import { describe, expect, it } from "vitest";
import { BASIC } from "@/emulator/testing";
import { withTestEmulator } from "@/emulator/with-test-emulator";
import { expectShapeOf, ozonErrorOf, serveOzonExamples } from "@/lib/testing/serve-ozon-examples";
import { withEmulator } from "@/lib/testing/with-emulator";

import { changeReviewStatus } from "./change-review-status";
import { countReviews } from "./count-reviews";
import { createReviewComment } from "./create-review-comment";
import { deleteReviewComment } from "./delete-review-comment";
import { isReviewsSubscriptionError } from "./errors";
import { getReview } from "./get-review";
import { listProducts } from "./list-products";
import { listAllReviewComments, listReviewComments } from "./list-review-comments";
import { listAllReviews, listReviews } from "./list-reviews";

// Ozon's example writes sku as a string here (int64 in the schema) and a v1 status value; both are read.
const LIST_EXAMPLE = `{
  "reviews": [
    {
      "id": "017c0d1c-66d3-b838-3d29-cf9b95a6ac48",
      "sku": "148591503",
      "text": "Не лучший товар, встречал и получше за те же деньги.",
      "published_at": "2024-10-10T07:23:55.970Z",
      "rating": 2,
      "status": "UNPROCESSED",
      "comments_amount": 0,
      "photos_amount": 0,
      "videos_amount": 0,
      "order_status": "DELIVERED",
      "is_rating_participant": true
    }
  ],
  "has_next": true,
  "last_id": "017c0d53-a7c8-81ef-53de-7d32fcbd7421"
}`;
const INFO_EXAMPLE = `{"comments_amount":0,"dislikes_amount":0,"id":"string","is_rating_participant":true,"likes_amount":0,"order_status":"DELIVERED","photos":[{"height":0,"url":"string","width":0}],"photos_amount":0,"published_at":"2019-08-24T14:15:22Z","rating":0,"sku":0,"status":"NEW","text":"string","videos":[{"height":0,"preview_url":"string","short_video_preview_url":"string","url":"string","width":0}],"videos_amount":0}`;
const COUNT_EXAMPLE = `{"total":3,"processed":1,"new":1,"viewed":1}`;
const COMMENT_CREATE_EXAMPLE = `{"comment_id":"string"}`;
const COMMENTS_EXAMPLE = `{"comments":[{"id":"1234-5678","text":"comment text","parent_comment_id":"3333-3333","is_owner":true,"is_official":false,"is_published":true,"is_rejected":true,"likes_amount":0,"dislikes_amount":0,"deviation_reason":"string","published_at":"2021-09-03T07:04:53.220Z"}],"offset":124}`;
const PRODUCTS_EXAMPLE = `{"items":[{"id":880000000,"name":"Плед флисовый","offer_id":"PLED-150-GR","sku":1482736501,"primary_image":[],"images":["https://cdn1.ozone.example/1.jpg","https://cdn1.ozone.example/2.jpg"]}]}`;

/** Ozon's example requests (its placeholders: limit 0, a status pair written the wrong way round). */
const LIST_REQUEST = {
  filters: { sku: [0], order_status: "NEW", status: "DELIVERED", published_from: "2026-03-10T14:08:00.257Z", published_to: "2026-03-10T14:08:00.257Z" },
  last_id: "string",
  limit: 0,
  sort_dir: "ASC",
};
const CHANGE_STATUS_REQUEST = { status: "NEW", review_ids: ["01920411-f6af-7e58-a8a4-63c5cfc007d0"] };
const COMMENT_CREATE_REQUEST = { mark_review_as_processed: true, parent_comment_id: "string", review_id: "string", text: "string" };
const COMMENT_LIST_REQUEST = { limit: 100, offset: 0, review_id: "0187310a-97d9-dfcf-3039-82d809f0e233", sort_dir: "ASC" };
const COMMENT_DELETE_REQUEST = { comment_id: "string", sku: 0 };

describe("Ozon's examples over real HTTP", () => {
  const { received, connection: conn } = serveOzonExamples({
    "/v2/review/list": LIST_EXAMPLE,
    "/v2/review/info": INFO_EXAMPLE,
    "/v2/review/count": COUNT_EXAMPLE,
    "/v1/review/comment/create": COMMENT_CREATE_EXAMPLE,
    "/v1/review/comment/list": COMMENTS_EXAMPLE,
    "/v3/product/info/list": PRODUCTS_EXAMPLE,
  });

  it("list", async () => {
    const r = await listReviews(conn(), { status: "NEW", orderStatus: "DELIVERED", from: new Date("2026-03-10T14:08:00.257Z"), sortDir: "ASC", limit: 20 });
    expect(JSON.parse(received.at(-1)!.body)).toEqual({
      filters: { status: "NEW", order_status: "DELIVERED", published_from: "2026-03-10T14:08:00.257Z" },
      limit: 20,
      sort_dir: "ASC",
    });
    expect(r).toEqual({
      reviews: [
        {
          id: "017c0d1c-66d3-b838-3d29-cf9b95a6ac48",
          sku: "148591503",
          text: "Не лучший товар, встречал и получше за те же деньги.",
          rating: 2,
          publishedAt: "2024-10-10T07:23:55.970Z",
          status: "UNPROCESSED",
          orderStatus: "DELIVERED",
          isRatingParticipant: true,
          commentsAmount: 0,
          photosAmount: 0,
          videosAmount: 0,
        },
      ],
      lastId: "017c0d53-a7c8-81ef-53de-7d32fcbd7421",
      hasNext: true,
    });
  });

  it("info, with photos and videos", async () => {
    const r = await getReview(conn(), "string");
    expect(JSON.parse(received.at(-1)!.body)).toEqual({ review_id: "string" });
    expect(r).toMatchObject({
      sku: "0",
      status: "NEW",
      likesAmount: 0,
      photos: [{ url: "string", width: 0, height: 0 }],
      videos: [{ url: "string", previewUrl: "string", shortVideoPreviewUrl: "string", width: 0, height: 0 }],
    });
  });

  it("count", async () => {
    expect(await countReviews(conn())).toEqual({ total: 3, new: 1, viewed: 1, processed: 1 });
  });

  it("comment create and list (moderation fields, parent)", async () => {
    const created = await createReviewComment(conn(), { reviewId: "r", text: "Спасибо!", markReviewAsProcessed: true, parentCommentId: "3333-3333" });
    expect(created).toEqual({ commentId: "string" });
    expect(Object.keys(JSON.parse(received.at(-1)!.body)).sort()).toEqual(Object.keys(COMMENT_CREATE_REQUEST).sort());
    const list = await listReviewComments(conn(), { reviewId: COMMENT_LIST_REQUEST.review_id, sortDir: "ASC" });
    const { offset: _firstPage, ...expected } = COMMENT_LIST_REQUEST;
    expect(JSON.parse(received.at(-1)!.body)).toEqual(expected);
    expect(list).toEqual({
      comments: [
        {
          id: "1234-5678",
          text: "comment text",
          parentCommentId: "3333-3333",
          publishedAt: "2021-09-03T07:04:53.220Z",
          isOwner: true,
          isOfficial: false,
          isPublished: true,
          isRejected: true,
          deviationReason: "string",
          likesAmount: 0,
          dislikesAmount: 0,
        },
      ],
      offset: 124,
    });
  });

  it("comment delete and change-status send Ozon's fields", async () => {
    await deleteReviewComment(conn(), { commentId: "string", sku: "0" });
    expect(JSON.parse(received.at(-1)!.body)).toEqual(COMMENT_DELETE_REQUEST);
    await changeReviewStatus(conn(), { reviewIds: CHANGE_STATUS_REQUEST.review_ids, status: "NEW" });
    expect(JSON.parse(received.at(-1)!.body)).toEqual(CHANGE_STATUS_REQUEST);
  });

  it("products: without primary_image the first image is the main one", async () => {
    const r = await listProducts(conn(), { skus: ["1482736501"] });
    expect(JSON.parse(received.at(-1)!.body)).toEqual({ sku: ["1482736501"] });
    expect(r.items).toEqual([
      { productId: "880000000", sku: "1482736501", offerId: "PLED-150-GR", name: "Плед флисовый", primaryImage: "https://cdn1.ozone.example/1.jpg" },
    ]);
  });

  it("refuses bad input before the wire", async () => {
    const before = received.length;
    expect((await ozonErrorOf(createReviewComment(conn(), { reviewId: "r", text: "!", markReviewAsProcessed: false }))).kind).toBe("invalid_input");
    expect((await ozonErrorOf(listReviews(conn(), { limit: 19 }))).kind).toBe("invalid_input");
    expect((await ozonErrorOf(changeReviewStatus(conn(), { reviewIds: Array.from({ length: 101 }, (_, i) => `r${i}`), status: "VIEWED" }))).kind).toBe("invalid_input");
    expect((await ozonErrorOf(listProducts(conn(), { skus: [] }))).kind).toBe("invalid_input");
    expect(received.length).toBe(before);
  });
});

describe("the emulator's review methods", () => {
  const emulator = withEmulator({ rateLimit: 0 });
  const ctl = emulator.control;
  const conn = () => emulator.connection();

  it("answer with every field of Ozon's examples, of the same type, and take Ozon's example requests", async () => {
    const list = await emulator.ozon.call("/v2/review/list", { limit: 20 });
    expect(list.status).toBe(200);
    // sku: a number, as the schema says (int64); Ozon's example's string is read too, see above.
    expectShapeOf(LIST_EXAMPLE, list.json, ["$.reviews[].sku"]);
    const withPhotos = (await ctl.feedback()).reviews.find((r) => r.photos.length > 0)!;
    const info = await emulator.ozon.call("/v2/review/info", { review_id: withPhotos.id });
    // No seeded review has a video: the emulator writes `videos: []`.
    expectShapeOf(INFO_EXAMPLE, info.json, ["$.videos[]", "$.videos[].height", "$.videos[].preview_url", "$.videos[].short_video_preview_url", "$.videos[].url", "$.videos[].width"]);
    expectShapeOf(COUNT_EXAMPLE, (await emulator.ozon.call("/v2/review/count", {})).json);

    const commented = (await ctl.feedback()).reviews.find((r) => r.comments.some((c) => c.parent_comment_id !== ""))!;
    const comments = await emulator.ozon.call("/v1/review/comment/list", { ...COMMENT_LIST_REQUEST, review_id: commented.id });
    expectShapeOf(COMMENTS_EXAMPLE, comments.json);

    // Ozon's example requests; placeholders replaced: ids by the emulator's, limit 0 by the minimum.
    const listed = await emulator.ozon.call("/v2/review/list", { ...LIST_REQUEST, last_id: "", limit: 20, filters: { ...LIST_REQUEST.filters, sku: [commented.sku] } });
    expect(listed.status).toBe(200);
    const changed = await emulator.ozon.call("/v2/review/change-status", { ...CHANGE_STATUS_REQUEST, review_ids: [commented.id] });
    expect([changed.status, changed.json]).toEqual([200, {}]);
    const parent = commented.comments[0]!.id;
    const created = await emulator.ozon.call("/v1/review/comment/create", { ...COMMENT_CREATE_REQUEST, review_id: commented.id, parent_comment_id: parent, text: "Спасибо за отзыв!" });
    expectShapeOf(COMMENT_CREATE_EXAMPLE, created.json);
    const deleted = await emulator.ozon.call("/v2/review/comment/delete", { ...COMMENT_DELETE_REQUEST, comment_id: created.json.comment_id, sku: commented.sku });
    expect([deleted.status, deleted.json]).toEqual([200, {}]);
    const products = await emulator.ozon.call("/v3/product/info/list", { sku: [String(commented.sku)] });
    expectShapeOf(PRODUCTS_EXAMPLE, products.json, ["$.items[].primary_image"]);
    expect(products.json.items[0].primary_image).toHaveLength(1);
  });

  it("seeds every state: NEW, VIEWED, PROCESSED, ratings 1 to 5, photos, the seller's and others' comments", async () => {
    const { reviews } = await ctl.feedback();
    expect([...new Set(reviews.map((r) => r.status))].sort()).toEqual(["NEW", "PROCESSED", "VIEWED"]);
    expect([...new Set(reviews.map((r) => r.rating))].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(reviews.some((r) => r.photos.length > 0) && reviews.some((r) => r.photos.length === 0)).toBe(true);
    const comments = reviews.flatMap((r) => r.comments);
    expect(comments.some((c) => c.is_owner)).toBe(true);
    expect(comments.some((c) => !c.is_owner && !c.is_official)).toBe(true);
    expect(comments.some((c) => c.is_official)).toBe(true);
    expect(comments.some((c) => c.is_rejected && c.deviation_reason !== "")).toBe(true);
    expect(reviews.some((r) => r.order_status === "CANCELLED")).toBe(true);
  });

  it("pages by last_id to the end; filters by status, order status, SKU and date; counts agree", async () => {
    const counts = await countReviews(conn());
    expect(counts.total).toBe(counts.new + counts.viewed + counts.processed);
    const pages: string[][] = [];
    let lastId: string | undefined;
    for (;;) {
      const page = await listReviews(conn(), { limit: 20, ...(lastId ? { lastId } : {}) });
      pages.push(page.reviews.map((r) => r.id));
      if (!page.hasNext) break;
      lastId = page.lastId;
    }
    expect(new Set(pages.flat()).size).toBe(counts.total);

    // A shop bigger than a page: new reviews, so that paging takes more than one call.
    for (let i = 0; i < 25; i++) await ctl.buyerReview({ rating: 1 + (i % 5), text: `Отзыв №${i + 1}` });
    const all = await listAllReviews(conn(), { limit: 20 });
    expect(all.reviews).toHaveLength(counts.total + 25);
    expect(all.pages).toBe(3);
    const times = all.reviews.map((r) => Date.parse(r.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect((await listAllReviews(conn(), { status: "NEW" })).reviews).toHaveLength(counts.new + 25);
    const cancelled = await listAllReviews(conn(), { orderStatus: "CANCELLED" });
    expect(cancelled.reviews.length).toBeGreaterThan(0);
    expect(cancelled.reviews.every((r) => r.orderStatus === "CANCELLED" && !r.isRatingParticipant)).toBe(true);
    const now = new Date((await ctl.health()).now);
    const lastHour = await listAllReviews(conn(), { from: new Date(now.getTime() - 3_600_000) });
    expect(lastHour.reviews.length).toBeGreaterThanOrEqual(25);
    expect(lastHour.reviews.length).toBeLessThan(all.reviews.length);
    const sku = all.reviews[0]!.sku;
    const bySku = await emulator.ozon.call("/v2/review/list", { limit: 100, filters: { sku: [Number(sku)] } });
    expect(bySku.json.reviews.length).toBeGreaterThan(0);
    expect(bySku.json.reviews.every((r: { sku: number }) => String(r.sku) === sku)).toBe(true);
  });

  it("a buyer's new review arrives at the top as NEW; info shows its photos; status changes stick", async () => {
    const before = await countReviews(conn());
    const added = await ctl.buyerReview({ rating: 1, text: "Пришло разбитым.", photos: 2 });
    const first = await listReviews(conn(), { limit: 20 });
    expect(first.reviews[0]).toMatchObject({ id: added.id, status: "NEW", rating: 1, photosAmount: 2 });
    const info = await getReview(conn(), added.id);
    expect(info.photos).toHaveLength(2);
    expect(await countReviews(conn())).toMatchObject({ total: before.total + 1, new: before.new + 1 });
    await changeReviewStatus(conn(), { reviewIds: [added.id], status: "VIEWED" });
    expect((await getReview(conn(), added.id)).status).toBe("VIEWED");
    const missing = await ozonErrorOf(changeReviewStatus(conn(), { reviewIds: [added.id, "01920411-f6af-7e58-a8a4-63c5cfc007d0"], status: "PROCESSED" }));
    expect([missing.status, missing.kind]).toEqual([404, "not_found"]);
    expect((await getReview(conn(), added.id)).status).toBe("VIEWED");
  });

  it("comments: create (2..3000 characters, marking processed or not), moderation, list, delete only the seller's", async () => {
    const review = await ctl.buyerReview({ rating: 1, text: "Не подошло." });
    const keep = await createReviewComment(conn(), { reviewId: review.id, text: "Здравствуйте! Напишите нам в чат заказа.", markReviewAsProcessed: false });
    expect((await getReview(conn(), review.id)).status).toBe("NEW");
    const text = "Спасибо! " + "я".repeat(2991);
    const { commentId } = await createReviewComment(conn(), { reviewId: review.id, text, markReviewAsProcessed: true });
    expect((await getReview(conn(), review.id)).status).toBe("PROCESSED");
    const buyer = await ctl.reviewComment({ review_id: review.id, text: "Спасибо, жду.", parent_comment_id: keep.commentId });

    const { comments, complete } = await listAllReviewComments(conn(), { reviewId: review.id });
    expect(complete).toBe(true);
    expect(comments.map((c) => c.id)).toEqual([keep.commentId, commentId, buyer.id]);
    expect(comments[1]).toMatchObject({ text, isOwner: true, isPublished: false, isRejected: false, deviationReason: null });
    expect(comments[2]).toMatchObject({ isOwner: false, parentCommentId: keep.commentId, isPublished: true });

    await ctl.moderate({ comment_id: commentId, publication: "REJECTED", reason: "Ссылка в тексте" });
    const rejected = (await listReviewComments(conn(), { reviewId: review.id })).comments.find((c) => c.id === commentId);
    expect(rejected).toMatchObject({ isPublished: false, isRejected: true, deviationReason: "Ссылка в тексте" });

    const notOurs = await ozonErrorOf(deleteReviewComment(conn(), { commentId: buyer.id, sku: String(review.sku) }));
    expect([notOurs.status, notOurs.kind]).toEqual([403, "forbidden"]);
    await deleteReviewComment(conn(), { commentId, sku: String(review.sku) });
    expect((await listAllReviewComments(conn(), { reviewId: review.id })).comments.map((c) => c.id)).toEqual([keep.commentId, buyer.id]);
    const gone = await ozonErrorOf(deleteReviewComment(conn(), { commentId, sku: String(review.sku) }));
    expect([gone.status, gone.kind]).toEqual([404, "not_found"]);
  });

  it("pages comments by offset", async () => {
    const review = await ctl.buyerReview({ rating: 3, text: "Средне." });
    for (let i = 0; i < 23; i++) await ctl.reviewComment({ review_id: review.id, text: `Комментарий ${i + 1}` });
    const first = await listReviewComments(conn(), { reviewId: review.id, limit: 20 });
    expect([first.comments.length, first.offset]).toEqual([20, 20]);
    const second = await listReviewComments(conn(), { reviewId: review.id, limit: 20, offset: first.offset });
    expect([second.comments.length, second.offset]).toEqual([3, 23]);
    const desc = await listReviewComments(conn(), { reviewId: review.id, limit: 20, sortDir: "DESC" });
    expect(desc.comments[0]!.text).toBe("Комментарий 23");
  });

  it("the emulator holds the limits itself", async () => {
    const review = (await ctl.feedback()).reviews[0]!;
    const create = (text: string) => emulator.ozon.call("/v1/review/comment/create", { review_id: review.id, text });
    expect((await create("!")).json).toEqual({ code: 3, message: "text must be 2 to 3000 characters", details: [] });
    expect((await create("я".repeat(3001))).status).toBe(400);
    expect((await emulator.ozon.call("/v2/review/list", { limit: 19 })).json).toMatchObject({ code: 3, message: "limit must be between 20 and 100" });
    expect((await emulator.ozon.call("/v2/review/list", {})).json).toMatchObject({ code: 3, message: "limit is required" });
    expect((await emulator.ozon.call("/v1/review/comment/list", { review_id: review.id, limit: 101 })).status).toBe(400);
    expect((await emulator.ozon.call("/v2/review/change-status", { review_ids: [], status: "NEW" })).status).toBe(400);
    const missing = await emulator.ozon.call("/v2/review/info", { review_id: "01920411-f6af-7e58-a8a4-63c5cfc007d0" });
    expect([missing.status, missing.json.code, missing.json.message]).toEqual([404, 5, "review not found"]);
  });

  it("without the reviews subscription every review method answers 403, and the error says why", async () => {
    await ctl.sellerSettings({ review_management: false });
    const review = (await ctl.feedback()).reviews[0]!;
    const calls: [string, unknown][] = [
      ["/v2/review/list", { limit: 20 }],
      ["/v2/review/info", { review_id: review.id }],
      ["/v2/review/count", {}],
      ["/v2/review/change-status", { review_ids: [review.id], status: "VIEWED" }],
      ["/v1/review/comment/create", { review_id: review.id, text: "Спасибо!" }],
      ["/v1/review/comment/list", { review_id: review.id, limit: 20 }],
      ["/v2/review/comment/delete", { comment_id: "c", sku: String(review.sku) }],
    ];
    for (const [path, body] of calls) {
      const r = await emulator.ozon.call(path, body);
      expect([path, r.status, r.json]).toEqual([path, 403, { code: 7, message: "Information is available starting from the premium plus subscription.", details: [] }]);
    }
    // Questions and chats stay: the reviews subscription is separate.
    expect((await emulator.ozon.call("/v1/question/count", {})).status).toBe(200);
    expect((await emulator.ozon.call("/v3/product/info/list", { sku: [String(review.sku)] })).status).toBe(200);

    const e = await ozonErrorOf(countReviews(conn()));
    expect([e.status, e.kind, e.requiredSubscription, e.retryable]).toEqual([403, "premium_required", "reviews", false]);
    expect(isReviewsSubscriptionError(e)).toBe(true);
    expect(e.message).toMatch(/review-management subscription .*Premium Pro/);

    // Premium Pro includes reviews.
    await ctl.sellerSettings({ subscription: "PREMIUM_PRO" });
    expect((await countReviews(conn())).total).toBeGreaterThan(0);
    // basic-client has neither.
    const basic = await ozonErrorOf(listReviews(emulator.connection({ clientId: BASIC.clientId, apiKey: BASIC.apiKey })));
    expect(isReviewsSubscriptionError(basic)).toBe(true);
  });

  it("a wrong key is refused as for the chat methods; a read is retried after 429", async () => {
    const bad = await ozonErrorOf(countReviews(emulator.connection({ apiKey: "wrong" })));
    expect([bad.status, bad.kind]).toEqual([404, "bad_credentials"]);
    await ctl.addFault({ path: "/v2/review/list", mode: "rate_limit", count: 1, retry_after_seconds: 1 });
    const retried: number[] = [];
    const page = await listReviews(emulator.connection({ onRetry: (i) => retried.push(i.attempt) }), { limit: 20 });
    expect(page.reviews.length).toBeGreaterThan(0);
    expect(retried).toEqual([1]);
  });
});

describe("the emulator's rate limit covers review methods", () => {
  const emulator = withTestEmulator({ rateLimit: 1 });

  it("answers 429 with Retry-After past the limit", async () => {
    const replies = await Promise.all([1, 2, 3].map(() => emulator.ozon.call("/v2/review/count", {})));
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0]!.json).toMatchObject({ code: 8 });
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
