/** Control API, faults, rate limit, determinism, the --state file and the CLI. */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RateLimiter } from "./faults";
import { BASIC, DEMO, emulatorControl, ozonHeaders, ozonWire, startTestEmulator } from "./testing";
import { withTestEmulator } from "./with-test-emulator";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const emulator = withTestEmulator({ rateLimit: 0 });
const api = emulator.ozon;
const ctl = emulator.control;
const DEMO_HEADERS = ozonHeaders(DEMO);
const BASIC_HEADERS = ozonHeaders(BASIC);
const tmp = mkdtempSync(join(tmpdir(), "ozon-emulator-"));

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Chat ids, message ids and texts: what "the same data" means (timestamps follow the moment of seeding). */
function fingerprint(state: Any): string {
  return JSON.stringify(state.chats.map((c: Any) => [c.chat_id, c.chat_type, c.chat_status, c.posting_number, c.unread_count, c.messages.map((m: Any) => [m.message_id, m.user, m.data])]));
}

async function supportChatId(): Promise<string> {
  return (await ctl.state()).chats.find((c: Any) => c.chat_type === "SELLER_SUPPORT")!.chat_id;
}

describe("faults", () => {
  it("error: injected status with matching code, for `count` requests on the given path", async () => {
    const { id } = await ctl.addFault({ path: "/v3/chat/list", mode: "error", count: 2 });
    expect(id).toBeTruthy();
    const r1 = await api.call("/v3/chat/list", { limit: 1 });
    expect(r1.status).toBe(500);
    expect(r1.json).toEqual({ code: 13, message: "Internal error", details: [] });
    expect((await api.call("/v1/seller/info", {})).status).toBe(200); // other path untouched
    expect((await api.call("/v3/chat/list", { limit: 1 })).status).toBe(500);
    expect((await api.call("/v3/chat/list", { limit: 1 })).status).toBe(200);
    await ctl.addFault({ mode: "error", status: 503, client_id: "basic-client" });
    const r2 = await api.call("/v1/seller/info", {}, BASIC_HEADERS);
    expect(r2.status).toBe(503);
    expect(r2.json.code).toBe(14);
    expect((await api.call("/v1/seller/info", {}, DEMO_HEADERS)).status).toBe(200);
    await ctl.clearFaults();
    expect((await api.call("/v1/seller/info", {}, BASIC_HEADERS)).status).toBe(200);
  });

  it("rate_limit: 429 code 8 with the given Retry-After", async () => {
    await ctl.addFault({ mode: "rate_limit", retry_after_seconds: 7, count: 1 });
    const r = await api.call("/v1/seller/info", {});
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("7");
    expect(r.json).toEqual({ code: 8, message: "You have reached request rate limit per second", details: [] });
  });

  it("drop: the socket closes without an answer and nothing is applied", async () => {
    const chatId = await supportChatId();
    await ctl.addFault({ path: "/v1/chat/send/message", mode: "drop", count: 1 });
    await expect(api.call("/v1/chat/send/message", { chat_id: chatId, text: "потеряется" })).rejects.toThrow();
    const newest = (await api.call("/v3/chat/history", { chat_id: chatId, limit: 1 })).json.messages[0];
    expect(newest.data[0]).not.toBe("потеряется");
  });

  it("timeout_after_apply: the message is stored, the answer never comes", async () => {
    const chatId = await supportChatId();
    await ctl.addFault({ path: "/v1/chat/send/message", mode: "timeout_after_apply", delay_ms: 150, count: 1 });
    const t0 = Date.now();
    await expect(api.call("/v1/chat/send/message", { chat_id: chatId, text: "дошло ли?" })).rejects.toThrow();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    const newest = (await api.call("/v3/chat/history", { chat_id: chatId, limit: 1 })).json.messages[0];
    expect(newest.data).toEqual(["дошло ли?"]);
  });

  it("rate: 0 never hits", async () => {
    await ctl.addFault({ mode: "error", rate: 0 });
    for (let i = 0; i < 5; i++) expect((await api.call("/v1/seller/info", {})).status).toBe(200);
  });

  it("latency delays every Ozon answer, not control answers", async () => {
    await ctl.setLatency(300);
    const t0 = Date.now();
    await api.call("/v1/seller/info", {});
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    const t1 = Date.now();
    await ctl.health();
    expect(Date.now() - t1).toBeLessThan(250);
  });
});

describe("calls, clock and reset", () => {
  it("counts Ozon calls by path and client, not control calls", async () => {
    await api.call("/v3/chat/list", { limit: 1 });
    await api.call("/v3/chat/list", { limit: 1 });
    await api.call("/v1/seller/info", {}, BASIC_HEADERS);
    await ctl.health();
    const calls = await ctl.calls();
    expect(calls).toEqual({ total: 3, by_path: { "/v3/chat/list": 2, "/v1/seller/info": 1 }, by_client: { "demo-client": 2, "basic-client": 1 } });
    await ctl.resetCalls();
    expect((await ctl.calls()).total).toBe(0);
  });

  it("advances the clock and reset puts it back", async () => {
    const before = Date.parse((await ctl.health()).now);
    const moved = await ctl.advanceClock({ hours: 48, minutes: 30 });
    expect(Date.parse(moved.now) - before).toBeGreaterThanOrEqual(48.5 * 3_600_000);
    await ctl.reset();
    expect(Date.parse((await ctl.health()).now) - Date.now()).toBeLessThan(5_000);
  });

  it("buyer and support messages arrive unread and move their chat to the top", async () => {
    const state = await ctl.state();
    const chat = state.chats.find((c: Any) => c.chat_type === "BUYER_SELLER" && c.unread_count === 0 && c.chat_status === "CLOSED")!;
    const r = await ctl.buyerMessage({ chat_id: chat.chat_id, text: "Ещё вопрос по заказу" });
    expect(r.message_id).toMatch(/^3\d{18}$/);
    const top = (await api.call("/v3/chat/list", { limit: 1 })).json.chats[0];
    expect(top.chat.chat_id).toBe(chat.chat_id);
    expect(top.unread_count).toBe(1);
    expect(top.first_unread_message_id).toBe(r.message_id);
    expect(top.last_message_id).toBe(r.message_id);
    expect(top.chat.chat_status).toBe("OPENED");
    const s = await ctl.supportMessage({ text: "Ваше обращение рассмотрено." });
    expect((await api.call("/v3/chat/list", { limit: 1 })).json.chats[0].chat.chat_id).toBe(s.chat_id);
  });

  it("reset restores the seeded data; the same seed gives the same data, another seed other data", async () => {
    const seeded = fingerprint(await ctl.state());
    await api.call("/v1/chat/send/message", { chat_id: await supportChatId(), text: "изменение" });
    await ctl.buyerMessage({ posting_number: (await ctl.state()).postings.find((p: Any) => !p.chat_id)!.posting_number, text: "новый чат" });
    expect(fingerprint(await ctl.state())).not.toBe(seeded);
    await ctl.reset();
    expect(fingerprint(await ctl.state())).toBe(seeded);

    const other = await startTestEmulator({ seed: 1 });
    try {
      expect(fingerprint(await other.control.state())).toBe(seeded);
      await other.control.reset(2);
      expect(fingerprint(await other.control.state())).not.toBe(seeded);
    } finally {
      await other.close();
    }
    await ctl.reset(2);
    const seed2 = fingerprint(await ctl.state());
    await ctl.reset(1);
    expect(fingerprint(await ctl.state())).toBe(seeded);
    expect(seed2).not.toBe(seeded);
  });

  it("reset restores the seeded questions and reviews; the same seed gives the same ids and texts", async () => {
    const ids = (f: Any) => JSON.stringify([f.questions.map((q: Any) => [q.id, q.text, q.status, q.answers.map((a: Any) => a.id)]), f.reviews.map((r: Any) => [r.id, r.rating, r.comments.map((c: Any) => c.id)])]);
    const seeded = ids(await ctl.feedback());
    await ctl.buyerQuestion({ text: "Новый вопрос" });
    await ctl.sellerSettings({ review_management: false });
    await ctl.reset();
    expect(ids(await ctl.feedback())).toBe(seeded);
    expect((await ctl.feedback()).review_management).toBe(true);
    const other = await startTestEmulator({ seed: 1 });
    try {
      expect(ids(await other.control.feedback())).toBe(seeded);
    } finally {
      await other.close();
    }
  });

  it("builds large shops of questions and reviews for benchmarks", async () => {
    const big = await startTestEmulator({ questions: 5000, reviews: 5000, rateLimit: 0 });
    try {
      expect((await big.ozon.call("/v1/question/count", {})).json.all).toBe(5000);
      expect((await big.ozon.call("/v2/review/count", {})).json.total).toBe(5000);
      const page = await big.ozon.call("/v2/review/list", { limit: 100, sort_dir: "ASC" });
      expect([page.json.reviews.length, page.json.has_next]).toEqual([100, true]);
    } finally {
      await big.close();
    }
  });

  it("builds large shops for benchmarks", async () => {
    const big = await startTestEmulator({ chats: 2000, messagesPerChat: 40, rateLimit: 0 });
    try {
      const r = await big.ozon.call("/v3/chat/list", { limit: 100 });
      expect(r.json.has_next).toBe(true);
      const h = await big.ozon.call("/v3/chat/history", { chat_id: r.json.chats[5].chat.chat_id, limit: 1000 });
      expect(h.json.messages.length).toBe(40);
    } finally {
      await big.close();
    }
  });
});

describe("rate limit", () => {
  it("slides a one-second window per Client-Id", () => {
    const limiter = new RateLimiter(3);
    expect([0, 100, 200].map((t) => limiter.check("a", t))).toEqual([null, null, null]);
    expect(limiter.check("a", 300)).toBe(1); // 700 ms until the first hit leaves the window -> 1 s
    expect(limiter.check("b", 300)).toBeNull();
    expect(limiter.check("a", 1000)).toBeNull(); // the hit at 0 has left
    expect(limiter.check("a", 1050)).toBe(1);
    expect(new RateLimiter(0).check("a", 0)).toBeNull();
  });

  it("allows 50 requests per sliding second per Client-Id, then 429 with Retry-After", async () => {
    const limited = await startTestEmulator();
    try {
      const client = limited.ozon;
      const replies = await Promise.all(Array.from({ length: 70 }, () => client.call("/v1/seller/info", {})));
      const ok = replies.filter((r) => r.status === 200).length;
      const limitedReplies = replies.filter((r) => r.status === 429);
      // The first 50 always pass; the rest are limited unless the machine is so slow they spread over > 1 s.
      expect(ok).toBeGreaterThanOrEqual(50);
      expect(limitedReplies.length).toBeGreaterThanOrEqual(1);
      const retry = Number(limitedReplies[0]!.headers.get("retry-after"));
      expect(Number.isInteger(retry) && retry >= 1).toBe(true);
      expect(limitedReplies[0]!.json).toEqual({ code: 8, message: "You have reached request rate limit per second", details: [] });
      // Another Client-Id and the control API are not limited.
      expect((await client.call("/v1/seller/info", {}, BASIC_HEADERS)).status).toBe(200);
      expect((await limited.control.health()).ok).toBe(true);
      await new Promise((r) => setTimeout(r, retry * 1000 + 50));
      expect((await client.call("/v1/seller/info", {})).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("--state file", () => {
  it("round-trips the world and the clock through the file", async () => {
    const file = join(tmp, "state.json");
    const first = await startTestEmulator({ stateFile: file });
    const c1 = first.control;
    const chatId = (await c1.state()).chats.find((c: Any) => c.chat_type === "SELLER_SUPPORT")!.chat_id;
    expect((await first.ozon.call("/v1/chat/send/message", { chat_id: chatId, text: "сохранится" })).status).toBe(200);
    await c1.advanceClock({ hours: 5 });
    const asked = await c1.buyerQuestion({ text: "Сохранится ли вопрос?" });
    await c1.sellerSettings({ review_management: false });
    const before = await c1.state();
    const feedbackBefore = await c1.feedback();
    await first.close();
    expect(existsSync(file)).toBe(true);

    const second = await startTestEmulator({ stateFile: file, seed: 99 });
    try {
      const after = await second.control.state();
      expect(fingerprint(after)).toBe(fingerprint(before));
      expect(after.clock_offset_ms).toBe(before.clock_offset_ms);
      const newest = (await second.ozon.call("/v3/chat/history", { chat_id: chatId, limit: 1 })).json.messages[0];
      expect(newest.data).toEqual(["сохранится"]);
      expect(await second.control.feedback()).toEqual(feedbackBefore);
      expect(feedbackBefore.questions.some((q: Any) => q.id === asked.id)).toBe(true);
      expect((await second.ozon.call("/v2/review/count", {})).status).toBe(403);
    } finally {
      await second.close();
    }
  });

  it("CLI: prints its URL, saves the state file on SIGTERM", async () => {
    const file = join(tmp, "cli-state.json");
    const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts", "--port", "0", "--state", file, "--seed", "3"], {
      cwd: join(__dirname, ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /^Ozon emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}`)));
      });
      const state = await emulatorControl(url).state();
      expect(state.seed).toBe(3);
      await ozonWire(url).call("/v1/chat/send/message", { chat_id: state.chats.find((c: Any) => c.chat_type === "SELLER_SUPPORT")!.chat_id, text: "из CLI" });
    } finally {
      const exited = new Promise((r) => child.on("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    expect(readFileSync(file, "utf8")).toContain("из CLI");
  });
});
