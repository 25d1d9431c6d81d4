import type { MessageView } from "@/lib/cache/message-view";

/** Messages of one author further apart than this start a new run (and show their author and time again). */
const RUN_GAP_MS = 10 * 60_000;

type RunMessage = Pick<MessageView, "authorType" | "sentBy" | "createdAt">;

/**
 * For a day's messages (oldest first): whether each one starts a run — the first of the day, another author than
 * the one before (an agent counts as an author of their own), or more than RUN_GAP_MS after it. A run shows its
 * author and time once.
 */
export function findRunStarts(messages: RunMessage[]): boolean[] {
  return messages.map((message, index) => {
    const previous = messages[index - 1];
    if (!previous) return true;
    if (previous.authorType !== message.authorType || (previous.sentBy?.id ?? null) !== (message.sentBy?.id ?? null)) return true;
    return Date.parse(message.createdAt) - Date.parse(previous.createdAt) > RUN_GAP_MS;
  });
}
