/**
 * Contract: Ozon's product-question methods (/v1/question/…) and the emulator's side of them.
 *
 * 1. Ozon's own example bodies (Seller API reference, QuestionAnswer API: v1QuestionListResponse, v1QuestionInfoResponse,
 *    v1QuestionCountResponse, v1QuestionAnswerCreateResponse, v1QuestionAnswerListResponse — the 2025 snapshot kept in
 *    salacoste/ozon-daytona-seller-api ozon-swagger-docs/swagger.json, with has_next and status_publication from the
 *    2026 reference) are served over real HTTP and parsed by our client.
 * 2. The emulator answers with every field of those examples, of the same JSON type, and takes Ozon's example requests.
 * 3. The client against the emulator over HTTP: paging, filters, counts, status changes, answers with their limits,
 *    the subscription refusal, auth and the rate limit.
 */
import { describe, expect, it } from "vitest";
import { BASIC } from "@/emulator/testing";
import { withTestEmulator } from "@/emulator/with-test-emulator";
import { expectShapeOf, ozonErrorOf, serveOzonExamples } from "@/lib/testing/serve-ozon-examples";
import { withEmulator } from "@/lib/testing/with-emulator";

import { changeQuestionStatus } from "./change-question-status";
import { countQuestions } from "./count-questions";
import { createQuestionAnswer } from "./create-question-answer";
import { deleteQuestionAnswer } from "./delete-question-answer";
import { getQuestion } from "./get-question";
import { listAllQuestionAnswers, listQuestionAnswers } from "./list-question-answers";
import { listAllQuestions, listQuestions } from "./list-questions";

const LIST_EXAMPLE = `{
  "has_next": true,
  "questions": [
    {
      "answers_count": 1,
      "author_name": "Пользователь OZON",
      "id": "019294ff-6888-7009-89d8-26569e4e450d",
      "sku": 646399170,
      "product_url": "https://www.ozon.ru/product/1649246352/",
      "published_at": "2024-08-14T12:02:01.889Z",
      "question_link": "https://www.ozon.ru/product/1649246352/questions/?qid=290180206&utm_campaign=reviews_sc_link&utm_medium=share_button&utm_source=smm",
      "text": "Новый вопрос о товаре Света",
      "status": "PROCESSED"
    }
  ],
  "last_id": "019228a7-91d8-76af-a73a-e989dfac7ac8"
}`;

// Ozon's own example writes answers_count as the string "0" (proto3's int64), the list example as a number.
const INFO_EXAMPLE = `{"answers_count":"0","author_name":"Пользователь OZON","product_url":"https://www.ozon.ru/product/149829950/","sku":646399170,"id":"0192a009-769f-7ee9-b412-893045171a66","text":"Я отказываюсь от твоего отказа!","question_link":"https://www.ozon.ru/product/149829950/questions/?qid=290125772&utm_campaign=reviews_sc_link&utm_medium=share_button&utm_source=smm","published_at":"2024-10-08T10:09:29.099284Z","status":"VIEWED"}`;
const COUNT_EXAMPLE = `{"all":10,"new":3,"processed":4,"unprocessed":1,"viewed":1}`;
const CREATE_EXAMPLE = `{"answer_id":"0192e7ce-e12c-7a74-afc7-26e877799204"}`;
const ANSWERS_EXAMPLE = `{"answers":[{"author_name":"string","id":"string","published_at":"2024-08-14T11:44:35.352Z","question_id":"string","sku":646399170,"status_publication":"","text":"string"}],"last_id":"string"}`;

/** Ozon's example requests. */
const LIST_REQUEST = { filter: { date_from: "2019-08-24T14:15:22Z", date_to: "2019-08-24T14:15:22Z", status: "ALL" }, limit: 100, last_id: "", sort_dir: "ASC" };
const ANSWER_LIST_REQUEST = { last_id: "", question_id: "019228a7-91d8-76af-a73a-e989dfac7ac8", sku: 646399170 };
const CHANGE_STATUS_REQUEST = { question_ids: ["string"], status: "VIEWED" };

describe("Ozon's examples over real HTTP", () => {
  const { received, connection: conn } = serveOzonExamples({
    "/v1/question/list": LIST_EXAMPLE,
    "/v1/question/info": INFO_EXAMPLE,
    "/v1/question/count": COUNT_EXAMPLE,
    "/v1/question/answer/create": CREATE_EXAMPLE,
    "/v1/question/answer/list": ANSWERS_EXAMPLE,
  });

  it("list: Ozon's request fields, its answer in camelCase", async () => {
    const r = await listQuestions(conn(), {
      status: "ALL",
      from: new Date("2019-08-24T14:15:22Z"),
      to: new Date("2019-08-24T14:15:22Z"),
      sortDir: "ASC",
    });
    const sent = JSON.parse(received.at(-1)!.body) as Record<string, unknown>;
    // Ozon's example request, except the empty last_id of a first page, which we leave out.
    const { last_id: _firstPage, ...expected } = LIST_REQUEST;
    expect(sent).toEqual({ ...expected, filter: { ...expected.filter, date_from: "2019-08-24T14:15:22.000Z", date_to: "2019-08-24T14:15:22.000Z" } });
    expect(r).toEqual({
      questions: [
        {
          id: "019294ff-6888-7009-89d8-26569e4e450d",
          sku: "646399170",
          text: "Новый вопрос о товаре Света",
          authorName: "Пользователь OZON",
          answersCount: 1,
          productUrl: "https://www.ozon.ru/product/1649246352/",
          questionLink:
            "https://www.ozon.ru/product/1649246352/questions/?qid=290180206&utm_campaign=reviews_sc_link&utm_medium=share_button&utm_source=smm",
          publishedAt: "2024-08-14T12:02:01.889Z",
          status: "PROCESSED",
        },
      ],
      lastId: "019228a7-91d8-76af-a73a-e989dfac7ac8",
      hasNext: true,
    });
  });

  it("info, with answers_count written as a string", async () => {
    const q = await getQuestion(conn(), "0192a009-769f-7ee9-b412-893045171a66");
    expect(JSON.parse(received.at(-1)!.body)).toEqual({ question_id: "0192a009-769f-7ee9-b412-893045171a66" });
    expect(q).toMatchObject({ answersCount: 0, sku: "646399170", status: "VIEWED", text: "Я отказываюсь от твоего отказа!" });
  });

  it("count", async () => {
    expect(await countQuestions(conn())).toEqual({ all: 10, new: 3, viewed: 1, processed: 4, unprocessed: 1 });
    expect(received.at(-1)).toEqual({ path: "/v1/question/count", body: "{}" });
  });

  it("answer create writes the SKU as a bare integer", async () => {
    const r = await createQuestionAnswer(conn(), { questionId: "019228a7-91d8-76af-a73a-e989dfac7ac8", sku: "646399170", text: "Да, подходит." });
    expect(r).toEqual({ answerId: "0192e7ce-e12c-7a74-afc7-26e877799204" });
    expect(received.at(-1)!.body).toBe('{"question_id":"019228a7-91d8-76af-a73a-e989dfac7ac8","sku":646399170,"text":"Да, подходит."}');
  });

  it("answer list: Ozon's request, status_publication \"\" as null", async () => {
    const r = await listQuestionAnswers(conn(), { questionId: ANSWER_LIST_REQUEST.question_id, sku: "646399170" });
    const { last_id: _firstPage, ...expected } = ANSWER_LIST_REQUEST;
    expect(JSON.parse(received.at(-1)!.body)).toEqual(expected);
    expect(r).toEqual({
      answers: [
        {
          id: "string",
          questionId: "string",
          sku: "646399170",
          text: "string",
          authorName: "string",
          publishedAt: "2024-08-14T11:44:35.352Z",
          statusPublication: null,
        },
      ],
      lastId: "string",
    });
  });

  it("refuses bad input before the wire", async () => {
    const before = received.length;
    expect((await ozonErrorOf(createQuestionAnswer(conn(), { questionId: "q", sku: "1", text: "Д" }))).kind).toBe("invalid_input");
    expect((await ozonErrorOf(createQuestionAnswer(conn(), { questionId: "q", sku: "1", text: "x".repeat(3001) }))).message).toMatch(/at most 3000/);
    expect((await ozonErrorOf(createQuestionAnswer(conn(), { questionId: "q", sku: "1", text: "   " }))).kind).toBe("invalid_input");
    expect((await ozonErrorOf(createQuestionAnswer(conn(), { questionId: "q", sku: "abc", text: "Да" }))).kind).toBe("invalid_input");
    expect((await ozonErrorOf(changeQuestionStatus(conn(), { questionIds: [], status: "VIEWED" }))).kind).toBe("invalid_input");
    expect((await ozonErrorOf(listQuestions(conn(), { limit: 101 }))).kind).toBe("invalid_input");
    expect(received.length).toBe(before);
  });
});

describe("the emulator's question methods", () => {
  const emulator = withEmulator({ rateLimit: 0 });
  const ctl = emulator.control;
  const conn = () => emulator.connection();

  it("answer with every field of Ozon's examples, of the same type, and take Ozon's example requests", async () => {
    const list = await emulator.ozon.call("/v1/question/list", { limit: 5 });
    expect(list.status).toBe(200);
    expectShapeOf(LIST_EXAMPLE, list.json);
    const info = await emulator.ozon.call("/v1/question/info", { question_id: list.json.questions[0].id });
    // answers_count: a number, as in the list example (the info example's string is read too, see above)
    expectShapeOf(INFO_EXAMPLE, info.json, ["$.answers_count"]);
    expect(typeof info.json.answers_count).toBe("number");
    expectShapeOf(COUNT_EXAMPLE, (await emulator.ozon.call("/v1/question/count", {})).json);

    // Ozon's example requests as written; its placeholder ids replaced by the emulator's.
    expect((await emulator.ozon.call("/v1/question/list", LIST_REQUEST)).status).toBe(200);
    const answered = (await ctl.feedback()).questions.find((q) => q.answers.length > 0)!;
    const answers = await emulator.ozon.call("/v1/question/answer/list", { ...ANSWER_LIST_REQUEST, question_id: answered.id, sku: answered.sku });
    expect(answers.status).toBe(200);
    expectShapeOf(ANSWERS_EXAMPLE, answers.json);
    const changed = await emulator.ozon.call("/v1/question/change-status", { ...CHANGE_STATUS_REQUEST, question_ids: [answered.id] });
    expect([changed.status, changed.json]).toEqual([200, {}]);
    const created = await emulator.ozon.call("/v1/question/answer/create", { question_id: answered.id, sku: answered.sku, text: "Спасибо за вопрос!" });
    expectShapeOf(CREATE_EXAMPLE, created.json);
  });

  it("seeds every state: NEW, VIEWED, PROCESSED; unanswered, answered by the seller and by buyers", async () => {
    const state = await ctl.feedback();
    const statuses = new Set(state.questions.map((q) => q.status));
    expect([...statuses].sort()).toEqual(["NEW", "PROCESSED", "VIEWED"]);
    expect(state.questions.some((q) => q.answers.length === 0)).toBe(true);
    expect(state.questions.some((q) => q.answers.some((a) => a.by_seller))).toBe(true);
    expect(state.questions.some((q) => q.answers.some((a) => !a.by_seller))).toBe(true);
    expect(state.questions.some((q) => q.answers.some((a) => a.status_publication === "MODERATION"))).toBe(true);
    expect(state.questions.every((q) => /[а-яё]/i.test(q.text))).toBe(true);
  });

  it("pages by last_id to the end, newest first, and counts agree with the list", async () => {
    const counts = await countQuestions(conn());
    expect(counts.all).toBe(counts.new + counts.viewed + counts.processed);
    expect(counts.unprocessed).toBe(counts.new + counts.viewed);

    const pages: string[][] = [];
    let lastId: string | undefined;
    for (;;) {
      const page = await listQuestions(conn(), { limit: 4, ...(lastId ? { lastId } : {}) });
      pages.push(page.questions.map((q) => q.id));
      if (!page.hasNext) break;
      lastId = page.lastId;
    }
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(counts.all);
    expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
    const all = await listAllQuestions(conn(), { limit: 4 });
    expect(all.questions.map((q) => q.id)).toEqual(ids);
    expect(all.complete).toBe(true);
    const times = all.questions.map((q) => Date.parse(q.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const unprocessed = await listAllQuestions(conn(), { status: "UNPROCESSED" });
    expect(unprocessed.questions).toHaveLength(counts.unprocessed);
    expect(new Set(unprocessed.questions.map((q) => q.status))).toEqual(new Set(["NEW", "VIEWED"]));
    expect((await listAllQuestions(conn(), { status: "NEW" })).questions).toHaveLength(counts.new);
    const oldestFirst = await listAllQuestions(conn(), { sortDir: "ASC", limit: 7 });
    expect(oldestFirst.questions.map((q) => q.id)).toEqual([...ids].reverse());
  });

  it("filters by publication date", async () => {
    const now = new Date((await ctl.health()).now);
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const recent = await listAllQuestions(conn(), { from: dayAgo });
    const all = (await ctl.feedback()).questions;
    expect(recent.questions.map((q) => q.id).sort()).toEqual(all.filter((q) => Date.parse(q.published_at) >= dayAgo.getTime()).map((q) => q.id).sort());
    expect(recent.questions.length).toBeGreaterThan(0);
    expect(recent.questions.length).toBeLessThan(all.length);
  });

  it("a buyer's new question arrives at the top as NEW; info and count follow; status changes stick", async () => {
    const before = await countQuestions(conn());
    const sku = (await ctl.feedback()).questions[0]!.sku;
    const asked = await ctl.buyerQuestion({ sku: Number(sku), text: "Подойдёт ли этот плед для дивана 2 м?" });
    const first = await listQuestions(conn(), { limit: 1 });
    expect(first.questions[0]).toMatchObject({ id: asked.id, status: "NEW", sku: String(sku), answersCount: 0 });
    expect(await countQuestions(conn())).toMatchObject({ all: before.all + 1, new: before.new + 1, unprocessed: before.unprocessed + 1 });

    await changeQuestionStatus(conn(), { questionIds: [asked.id], status: "VIEWED" });
    expect((await getQuestion(conn(), asked.id)).status).toBe("VIEWED");
    expect(await countQuestions(conn())).toMatchObject({ new: before.new, viewed: before.viewed + 1 });
  });

  it("answers: create (2..3000 characters), list with others' answers, delete only the seller's", async () => {
    const q = (await ctl.feedback()).questions.find((x) => x.answers.some((a) => !a.by_seller) && x.status !== "PROCESSED")!;
    const text = "Здравствуйте! Да, " + "о".repeat(2980);
    const { answerId } = await createQuestionAnswer(conn(), { questionId: q.id, sku: String(q.sku), text });
    const info = await getQuestion(conn(), q.id);
    expect(info.status).toBe("PROCESSED");
    expect(info.answersCount).toBe(q.answers_count + 1);

    const { answers, complete } = await listAllQuestionAnswers(conn(), { questionId: q.id, sku: String(q.sku) });
    expect(complete).toBe(true);
    const ours = answers.find((a) => a.id === answerId)!;
    expect(ours).toMatchObject({ text, questionId: q.id, sku: String(q.sku), authorName: "ООО «Домашний уют»", statusPublication: "MODERATION" });
    const others = answers.filter((a) => a.authorName !== "ООО «Домашний уют»");
    expect(others.length).toBeGreaterThan(0);

    const refused = await ozonErrorOf(deleteQuestionAnswer(conn(), { answerId: others[0]!.id, sku: String(q.sku) }));
    expect([refused.status, refused.kind]).toEqual([403, "forbidden"]);
    await deleteQuestionAnswer(conn(), { answerId, sku: String(q.sku) });
    expect((await listAllQuestionAnswers(conn(), { questionId: q.id, sku: String(q.sku) })).answers.map((a) => a.id)).not.toContain(answerId);
    const gone = await ozonErrorOf(deleteQuestionAnswer(conn(), { answerId, sku: String(q.sku) }));
    expect([gone.status, gone.kind]).toEqual([404, "not_found"]);
    expect(gone.message).toMatch(/answer/);
  });

  it("the emulator holds the text limits itself (2..3000 code points, not blank) and the question's SKU", async () => {
    const q = (await ctl.feedback()).questions[0]!;
    const call = (text: string, sku: number | string = q.sku) =>
      emulator.ozon.call("/v1/question/answer/create", { question_id: q.id, sku, text });
    expect((await call("Д")).json).toEqual({ code: 3, message: "text must be 2 to 3000 characters", details: [] });
    expect((await call("😀".repeat(3001))).status).toBe(400);
    expect((await call("😀".repeat(3000))).status).toBe(200);
    expect((await call("  ")).json.message).toBe("text must not be blank");
    expect((await call("Да, подходит.", 1)).json).toMatchObject({ code: 3, message: "sku does not match the question" });
    const missing = await emulator.ozon.call("/v1/question/info", { question_id: "0192a009-769f-7ee9-b412-893045171a66" });
    expect([missing.status, missing.json.code, missing.json.message]).toEqual([404, 5, "question not found"]);
    const badStatus = await emulator.ozon.call("/v1/question/change-status", { question_ids: [q.id], status: "UNPROCESSED" });
    expect(badStatus.status).toBe(400);
  });

  it("another buyer's answer shows once published; a new answer by another buyer is listed", async () => {
    const q = (await ctl.feedback()).questions.find((x) => x.answers.length === 0)!;
    const pending = await ctl.questionAnswer({ question_id: q.id, text: "У меня такой же, всё подошло.", publication: "MODERATION" });
    const before = await listQuestionAnswers(conn(), { questionId: q.id, sku: String(q.sku) });
    expect(before.answers).toEqual([]);
    expect(before.lastId).toBe("");
    await ctl.moderate({ answer_id: pending.id, publication: "PUBLISHED" });
    const after = await listQuestionAnswers(conn(), { questionId: q.id, sku: String(q.sku) });
    expect(after.answers.map((a) => a.id)).toEqual([pending.id]);
    expect(after.lastId).toBe(pending.id);
  });

  it("a seller without Premium Plus or Pro gets 403, said in words", async () => {
    const e = await ozonErrorOf(countQuestions(emulator.connection({ clientId: BASIC.clientId, apiKey: BASIC.apiKey })));
    expect([e.status, e.kind, e.requiredSubscription]).toEqual([403, "premium_required", "premium"]);
    expect(e.message).toMatch(/product questions need a Premium Plus or Premium Pro/);
    await ctl.sellerSettings({ client_id: BASIC.clientId, subscription: "PREMIUM_PRO" });
    expect((await countQuestions(emulator.connection({ clientId: BASIC.clientId, apiKey: BASIC.apiKey }))).all).toBeGreaterThan(0);
  });

  it("a wrong key and missing headers are refused as for the chat methods", async () => {
    const bad = await ozonErrorOf(listQuestions(emulator.connection({ apiKey: "wrong" })));
    expect([bad.status, bad.kind]).toEqual([404, "bad_credentials"]);
    const bare = await emulator.ozon.call("/v1/question/list", {}, {});
    expect([bare.status, bare.json.code]).toEqual([401, 16]);
  });

  it("a read is retried after Ozon's 429; a new answer is not, and says its outcome is unknown", async () => {
    await ctl.addFault({ path: "/v1/question/list", mode: "rate_limit", count: 1, retry_after_seconds: 1 });
    const retried: number[] = [];
    const page = await listQuestions(emulator.connection({ onRetry: (i) => retried.push(i.attempt) }), { limit: 2 });
    expect(page.questions).toHaveLength(2);
    expect(retried).toEqual([1]);

    const q = (await ctl.feedback()).questions[0]!;
    await ctl.addFault({ path: "/v1/question/answer/create", mode: "error", status: 503, count: 1 });
    const e = await ozonErrorOf(createQuestionAnswer(conn(), { questionId: q.id, sku: String(q.sku), text: "Да, подходит." }));
    expect([e.kind, e.attempts, e.outcomeUnknown]).toEqual(["server_error", 1, true]);
  });
});

describe("the emulator's rate limit covers question methods", () => {
  const emulator = withTestEmulator({ rateLimit: 1 });

  it("answers 429 with Retry-After past the limit", async () => {
    const replies = await Promise.all([1, 2, 3].map(() => emulator.ozon.call("/v1/question/count", {})));
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0]!.json).toMatchObject({ code: 8, message: "You have reached request rate limit per second" });
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
