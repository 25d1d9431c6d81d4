import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it } from "vitest";
import { buildOutgoing } from "@/components/inbox/outgoing";
import { flattenMessages, type MessagesData } from "@/components/inbox/use-chat-messages";
import { queryKeys } from "@/components/query-keys";
import { applyMessages, applyOutboxRow, applySendOutcome } from "./message-cache";
import { testHistory, testMessage, testOutboxRow } from "./test-helpers";

const A = "acc-a";
const keys = queryKeys.account(A);

describe("the chat history's cache", () => {
  let qc: QueryClient;
  const data = () => qc.getQueryData<MessagesData>(keys.messages("c1"))!;
  /** What the thread shows: the history's messages, then what is still on its way (as the thread builds it). */
  const shown = () => {
    const messages = flattenMessages(data());
    const history = { ids: new Set(messages.map((m) => m.id)), clientIds: new Set(messages.flatMap((m) => (m.clientId ? [m.clientId] : []))) };
    return [...messages.map((m) => `${m.id}:${m.clientId ?? ""}`), ...buildOutgoing([], data().pages[0]!.outbox, history).map((item) => `${item.state}:${item.clientId}`)];
  };

  beforeEach(() => {
    qc = new QueryClient();
    qc.setQueryData(keys.messages("c1"), testHistory([testMessage("10")], [testOutboxRow("k1", "SENDING"), testOutboxRow("k2", "SENDING", "2026-11-25T10:00:01.000Z", { createdAt: "2026-11-25T10:00:01.000Z" })]));
  });

  const sent = testMessage("50", { authorType: "seller", text: "Здравствуйте", sentBy: { id: "u1", name: "Anna" }, clientId: "k1" });
  const sentRow = testOutboxRow("k1", "SENT", "2026-11-25T10:00:03.000Z", { ozonMessageId: "50" });

  it("the send's answer replaces the pending message with the server's one, and the live stream's copy changes nothing", () => {
    expect(shown()).toEqual(["10:", "pending:k1", "pending:k2"]);
    applySendOutcome(qc, A, "c1", { outbox: sentRow, message: sent });
    expect(shown()).toEqual(["10:", "50:k1", "pending:k2"]);
    expect(data().pages[0]!.outbox.map((row) => row.clientId)).toEqual(["k2"]);

    applyMessages(qc, A, "c1", [sent]);
    applyOutboxRow(qc, A, testOutboxRow("k1", "SENDING", "2026-11-25T10:00:01.000Z"));
    applyOutboxRow(qc, A, sentRow);
    expect(shown()).toEqual(["10:", "50:k1", "pending:k2"]);
    expect(data().pages[0]!.outbox.map((row) => row.clientId)).toEqual(["k2"]);
  });

  it("the live stream first: its message replaces the pending one, and the send's late answer adds nothing", () => {
    applyOutboxRow(qc, A, sentRow);
    expect(shown()).toEqual(["10:", "sent:k1", "pending:k2"]);
    applyMessages(qc, A, "c1", [sent]);
    expect(shown()).toEqual(["10:", "50:k1", "pending:k2"]);
    applySendOutcome(qc, A, "c1", { outbox: sentRow, message: sent });
    expect(shown()).toEqual(["10:", "50:k1", "pending:k2"]);
    expect(data().pages[0]!.outbox.map((row) => row.clientId)).toEqual(["k2"]);
  });

  it("a sent row whose message is not known yet stays one bubble until a message with its client id arrives", () => {
    applySendOutcome(qc, A, "c1", { outbox: { ...sentRow, ozonMessageId: null }, message: null });
    expect(shown()).toEqual(["10:", "sent:k1", "pending:k2"]);
    // Another message with the same words is not ours: only the client id settles the row.
    applyMessages(qc, A, "c1", [{ ...sent, id: "49", clientId: null, sentBy: null }]);
    expect(shown()).toEqual(["10:", "49:", "sent:k1", "pending:k2"]);
    applyMessages(qc, A, "c1", [sent]);
    expect(shown()).toEqual(["10:", "49:", "50:k1", "pending:k2"]);
  });

  it("a failed send keeps its row, with the newest state winning whatever the order of arrival", () => {
    const failed = testOutboxRow("k2", "FAILED", "2026-11-25T10:00:05.000Z", { lastError: "Ozon refused" });
    applySendOutcome(qc, A, "c1", { outbox: failed, message: null });
    applyOutboxRow(qc, A, testOutboxRow("k2", "SENDING", "2026-11-25T10:00:02.000Z"));
    expect(shown()).toEqual(["10:", "pending:k1", "failed:k2"]);
    expect(qc.getQueryData<MessagesData>(keys.messages("c2"))).toBeUndefined();
  });
});
