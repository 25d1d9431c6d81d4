import { describe, expect, it } from "vitest";
import type { MessageView } from "@/lib/cache/message-view";
import type { OutboxView } from "@/lib/cache/outbox-view";
import { testOutboxRow } from "@/components/query-cache/test-helpers";
import { buildOutgoing, type SendAttempt } from "./outgoing";

const row = (over: Partial<OutboxView>): OutboxView =>
  testOutboxRow("c1", "FAILED", "2026-11-25T10:00:00.000Z", { id: "o1", chatId: "chat", lastError: "Ozon had an internal error", ...over });

const attempt = (over: Partial<SendAttempt>): SendAttempt => ({
  variables: { action: "text", clientId: "c1", text: "Здравствуйте" },
  status: "pending",
  data: undefined,
  error: null,
  submittedAt: Date.parse("2026-11-25T10:00:00.000Z"),
  ...over,
});

const message = (over: Partial<MessageView>): MessageView => ({
  id: "3000000000000000123",
  authorType: "seller",
  text: "Здравствуйте",
  isImage: false,
  moderationStatus: null,
  isRead: false,
  createdAt: "2026-11-25T10:00:00.300Z",
  sentBy: { id: "u1", name: "Анна" },
  clientId: "c1",
  orderNumber: null,
  sku: null,
  ...over,
});

const shown = (ids: string[] = [], clientIds: string[] = []) => ({ ids: new Set(ids), clientIds: new Set(clientIds) });

describe("buildOutgoing", () => {
  it("leaves out a message whose client id the history holds, and only that one: never by text and time", () => {
    expect(buildOutgoing([attempt({})], [], shown(["3000000000000000123"], ["c1"]))).toEqual([]);
    // The same words in the history, from another send (another client id): this one is still on its way.
    expect(buildOutgoing([attempt({})], [], shown(["3000000000000000123"], ["c0"]))[0]).toMatchObject({ state: "pending" });
    // A row of any state, from another tab, goes too once its message is in the history.
    expect(buildOutgoing([], [row({ state: "UNKNOWN" })], shown(["3000000000000000123"], ["c1"]))).toEqual([]);
  });

  it("a 200 SENT answer without a message id stays one bubble until its message arrives, then none", () => {
    const sent = { outbox: row({ state: "SENT", ozonMessageId: null, lastError: null }), message: null };
    const attempts = [attempt({ status: "success", data: sent })];
    expect(buildOutgoing(attempts, [], shown())).toMatchObject([{ state: "sent" }]);
    expect(buildOutgoing(attempts, [], shown(["3000000000000000999"], ["c1"]))).toEqual([]);
  });

  it("an answer with its message leaves nothing once the history shows that message", () => {
    const sent = { outbox: row({ state: "SENT", ozonMessageId: "3000000000000000123", lastError: null }), message: message({}) };
    expect(buildOutgoing([attempt({ status: "success", data: sent })], [], shown(["3000000000000000123"], ["c1"]))).toEqual([]);
  });

  it("shows a send in flight as pending, with its text", () => {
    const [item] = buildOutgoing([attempt({})], [], shown());
    expect(item).toMatchObject({ clientId: "c1", state: "pending", text: "Здравствуйте", outboxId: null });
  });

  it("shows the server's clear refusal as failed, with its words and code", () => {
    const [item] = buildOutgoing(
      [attempt({ status: "error", error: { code: "window_closed", message: "Ozon no longer allows writing" } })],
      [],
      shown(),
    );
    expect(item).toMatchObject({ state: "failed", reason: "Ozon no longer allows writing", code: "window_closed" });
  });

  it("never says 'not sent' for a request that died: its fate is the server's to settle ('checking')", () => {
    for (const code of ["network", "internal", "ozon_unavailable", "outcome_unknown"]) {
      const [item] = buildOutgoing([attempt({ status: "error", error: { code, message: "x" } })], [], shown());
      expect(item, code).toMatchObject({ state: "checking", reason: null });
    }
    // The server's row, newer than the request, tells its fate.
    const later = row({ state: "SENDING", updatedAt: "2026-11-25T10:00:05.000Z" });
    expect(buildOutgoing([attempt({ status: "error", error: { code: "network", message: "x" } })], [later], shown())[0]).toMatchObject({
      state: "pending",
      outboxId: "o1",
    });
  });

  it("words for each state of a row from another tab or from before a reload", () => {
    const states = (["PENDING", "SENDING", "UNKNOWN", "FAILED", "SENT"] as const).map((state) => buildOutgoing([], [row({ state })], shown())[0]?.state);
    expect(states).toEqual(["pending", "pending", "checking", "failed", "sent"]);
    expect(buildOutgoing([], [row({ state: "UNKNOWN", lastError: "timeout" })], shown())[0]?.reason).toBeNull();
    expect(buildOutgoing([], [row({})], shown())[0]?.reason).toBe("Ozon had an internal error");
    // The row's code and values travel with it, so the bubble words Ozon's reason in the page's language.
    const coded = row({ lastError: "Ozon did not accept: too long", lastErrorCode: "ozon_rejected_input", lastErrorParams: { ozonMessage: "too long" } });
    expect(buildOutgoing([], [coded], shown())[0]).toMatchObject({ state: "failed", code: "ozon_rejected_input", params: { ozonMessage: "too long" } });
  });

  it("the latest view of the row wins: a live event after the answer, or the answer after the list", () => {
    const answer = { outbox: row({ state: "UNKNOWN", updatedAt: "2026-11-25T10:00:01.000Z" }), message: null };
    const attempts = [attempt({ status: "success", data: answer })];
    expect(buildOutgoing(attempts, [row({ state: "PENDING" })], shown())[0]?.state).toBe("checking");
    expect(buildOutgoing(attempts, [row({ state: "SENT", updatedAt: "2026-11-25T10:00:09.000Z" })], shown())[0]?.state).toBe("sent");
  });

  it("a successful retry wins over the stale failed row, and disappears once the history has it", () => {
    const sentOutcome = { outbox: row({ state: "SENT", ozonMessageId: "3000000000000000123", lastError: null, updatedAt: "2026-11-25T10:01:01.000Z" }), message: null };
    const attempts = [
      attempt({ status: "error", error: { code: "window_closed", message: "failed" } }),
      attempt({ variables: { action: "retry", clientId: "c1", outboxId: "o1" }, status: "success", data: sentOutcome, submittedAt: Date.parse("2026-11-25T10:01:00.000Z") }),
    ];
    expect(buildOutgoing(attempts, [row({})], shown())[0]).toMatchObject({ state: "sent", text: "Здравствуйте" });
    expect(buildOutgoing(attempts, [], shown(["3000000000000000123"], ["c1"]))).toEqual([]);
  });

  it("a retry in flight is pending again", () => {
    const attempts = [
      attempt({ status: "error", error: { code: "window_closed", message: "failed" } }),
      attempt({ variables: { action: "retry", clientId: "c1", outboxId: "o1" }, submittedAt: Date.parse("2026-11-25T10:01:00.000Z") }),
    ];
    expect(buildOutgoing(attempts, [row({})], shown())[0]).toMatchObject({ state: "pending" });
  });
});
