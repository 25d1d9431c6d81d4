import { describe, expect, it } from "vitest";
import type { OutboxView } from "@/lib/chats/outbox-view";
import { buildOutgoing, type SendAttempt } from "./outgoing";

const row = (over: Partial<OutboxView>): OutboxView => ({
  id: "o1",
  clientId: "c1",
  chatId: "chat",
  kind: "TEXT",
  text: "Здравствуйте",
  fileName: null,
  state: "FAILED",
  attempts: 1,
  lastError: "Ozon had an internal error",
  ozonMessageId: null,
  createdAt: "2026-11-25T10:00:00.000Z",
  sentAt: null,
  ...over,
});

const attempt = (over: Partial<SendAttempt>): SendAttempt => ({
  variables: { action: "text", clientId: "c1", text: "Здравствуйте" },
  status: "pending",
  data: undefined,
  error: null,
  submittedAt: Date.parse("2026-11-25T10:00:00.000Z"),
  ...over,
});

const shown = (ids: string[] = [], sent: { text: string; createdAt: string }[] = []) => ({
  ids: new Set(ids),
  sent: sent.map((m) => ({ text: m.text, createdAt: Date.parse(m.createdAt) })),
});

describe("buildOutgoing", () => {
  it("leaves out a pending text whose copy the live stream already put in the history, and only that", () => {
    const sentNow = [{ text: "Здравствуйте", createdAt: "2026-11-25T10:00:00.300Z" }];
    expect(buildOutgoing([attempt({})], [], shown(["3000000000000000123"], sentNow))).toEqual([]);
    // The same words sent earlier, before this send: this one is still on its way.
    const sentBefore = [{ text: "Здравствуйте", createdAt: "2026-11-25T09:00:00.000Z" }];
    expect(buildOutgoing([attempt({})], [], shown(["3000000000000000100"], sentBefore))[0]).toMatchObject({ state: "pending" });
    // Another text: still pending.
    expect(buildOutgoing([attempt({})], [], shown(["3000000000000000123"], [{ ...sentNow[0]!, text: "Добрый день" }]))).toHaveLength(1);
  });

  it("shows a send in flight as pending, with its text", () => {
    const [item] = buildOutgoing([attempt({})], [], shown());
    expect(item).toMatchObject({ clientId: "c1", state: "pending", text: "Здравствуйте", outboxId: null });
  });

  it("shows a refused send with the server's words and code", () => {
    const [item] = buildOutgoing(
      [attempt({ status: "error", error: { code: "window_closed", message: "Ozon no longer allows writing" } })],
      [],
      shown(),
    );
    expect(item).toMatchObject({ state: "failed", reason: "Ozon no longer allows writing", code: "window_closed" });
  });

  it("takes the outbox id from the server's row so Retry can use it", () => {
    const [item] = buildOutgoing([attempt({ status: "error", error: { message: "x" } })], [row({})], shown());
    expect(item).toMatchObject({ state: "failed", outboxId: "o1" });
  });

  it("a row from another tab or before a reload shows on its own", () => {
    const [item] = buildOutgoing([], [row({ state: "UNKNOWN", lastError: "not confirmed" })], shown());
    expect(item).toMatchObject({ state: "unknown", reason: "not confirmed", outboxId: "o1" });
  });

  it("a successful retry wins over the stale failed row, and disappears once the history has it", () => {
    const sentOutcome = { outbox: row({ state: "SENT", ozonMessageId: "3000000000000000123", lastError: null }), message: null };
    const attempts = [
      attempt({ status: "error", error: { message: "failed" } }),
      attempt({ variables: { action: "retry", clientId: "c1", outboxId: "o1" }, status: "success", data: sentOutcome, submittedAt: Date.parse("2026-11-25T10:01:00.000Z") }),
    ];
    expect(buildOutgoing(attempts, [row({})], shown())[0]).toMatchObject({ state: "sent", text: "Здравствуйте" });
    expect(buildOutgoing(attempts, [], shown(["3000000000000000123"]))).toEqual([]);
  });

  it("a retry in flight is pending again", () => {
    const attempts = [
      attempt({ status: "error", error: { message: "failed" } }),
      attempt({ variables: { action: "retry", clientId: "c1", outboxId: "o1" }, submittedAt: Date.parse("2026-11-25T10:01:00.000Z") }),
    ];
    expect(buildOutgoing(attempts, [row({})], shown())[0]).toMatchObject({ state: "pending" });
  });
});
