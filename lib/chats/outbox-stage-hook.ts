import type { OutboxMessage } from "@/lib/db/generated/client";

/**
 * Points of the send path where a crash matters most. A test process (the outbox crash test's child) sets a hook
 * to stop exactly there and be killed; nothing else sets one, and without a hook reaching a stage costs nothing.
 * - `before-send`: the row is SENDING with the chat's newest id kept; Ozon's send method is about to be called.
 * - `after-send`: Ozon answered that it has the message; the row is not updated yet.
 */
export type OutboxStage = "before-send" | "after-send";
export type OutboxStageHook = (stage: OutboxStage, row: OutboxMessage) => Promise<void>;

const globalForOutbox = globalThis as typeof globalThis & { __sellerInboxOutboxStageHook?: OutboxStageHook };

export function setOutboxStageHook(hook: OutboxStageHook | undefined): void {
  globalForOutbox.__sellerInboxOutboxStageHook = hook;
}

export async function reachOutboxStage(stage: OutboxStage, row: OutboxMessage): Promise<void> {
  await globalForOutbox.__sellerInboxOutboxStageHook?.(stage, row);
}
