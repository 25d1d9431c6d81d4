import type { LiveEvent } from "@/lib/live/live-event";
import type { NotifySettings } from "@/lib/team/notify-settings";

export type TeamNotification = {
  chatId: string;
  accountId: string;
  reason: "message" | "mention" | "assigned";
  text: string | null;
  by: string | null;
  /** reason assigned: the automatic assigner gave the chat (no one did). */
  automatic: boolean;
};

/**
 * What a live event means for this agent, if anything: a buyer's new message in a chat they own (or in the pool,
 * when they asked for it), a note that mentions them, a chat someone else (or the automatic assigner) assigned to
 * them. Their own actions never notify them.
 */
export function pickNotification(event: LiveEvent, me: string, settings: NotifySettings): TeamNotification | null {
  if (event.kind === "message") {
    const fromBuyer = event.messages.filter((m) => m.authorType === "customer" && !m.isRead);
    if (fromBuyer.length === 0) return null;
    const owner = event.chat.assigneeId;
    const wanted = owner === me ? settings.ownChats : owner === null ? settings.pool : false;
    return wanted ? { chatId: event.chat.id, accountId: event.accountId, reason: "message", text: fromBuyer.at(-1)!.text, by: null, automatic: false } : null;
  }
  if (event.kind === "team" && event.activity && event.activity.actor?.id !== me) {
    const { activity } = event;
    if (activity.kind === "note" && activity.mentions.includes(me)) {
      return { chatId: event.chat.id, accountId: event.accountId, reason: "mention", text: activity.text, by: activity.actor?.name ?? null, automatic: false };
    }
    if (activity.kind === "assigned" && activity.assigneeId === me) {
      return { chatId: event.chat.id, accountId: event.accountId, reason: "assigned", text: null, by: activity.actor?.name ?? null, automatic: activity.automatic };
    }
  }
  return null;
}

/** At most one notification per chat per `windowMs` (a minute): returns whether this one may go, and remembers it. */
export function createNotificationLimiter(windowMs = 60_000) {
  const last = new Map<string, number>();
  return (chatId: string, now: number = Date.now()): boolean => {
    const previous = last.get(chatId);
    if (previous !== undefined && now - previous < windowMs) return false;
    last.set(chatId, now);
    return true;
  };
}
