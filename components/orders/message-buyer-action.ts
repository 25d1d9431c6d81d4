import type { PostingView } from "@/lib/cache/posting-view";

/** Why Ozon will not let the seller start a chat about this posting. */
export type ChatStartBlock = "fbo" | "cancelled" | "not_paid" | "window_passed";

export type MessageBuyerAction =
  | { kind: "open"; chatId: string }
  | { kind: "start" }
  | { kind: "blocked"; reason: ChatStartBlock };

/**
 * What "Message buyer" does for a posting: open the inbox's chat about it, ask Ozon to start one, or nothing, with
 * the reason. Ozon decides (`canCreateChat`, from its `available_actions`); the reason is inferred from its rules:
 * FBO chats only the buyer starts, and FBS/rFBS chats the seller starts within 72 h of payment or of delivery.
 */
export function messageBuyerAction(
  posting: Pick<PostingView, "chatId" | "canCreateChat" | "scheme" | "status"> & { dates: Pick<PostingView["dates"], "paidAt"> },
): MessageBuyerAction {
  if (posting.chatId) return { kind: "open", chatId: posting.chatId };
  if (posting.canCreateChat) return { kind: "start" };
  if (posting.scheme === "FBO") return { kind: "blocked", reason: "fbo" };
  if (posting.status === "cancelled") return { kind: "blocked", reason: "cancelled" };
  if (!posting.dates.paidAt) return { kind: "blocked", reason: "not_paid" };
  return { kind: "blocked", reason: "window_passed" };
}
