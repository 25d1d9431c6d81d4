import type { QueryClient } from "@tanstack/react-query";
import { compareIds } from "@/components/inbox/use-chat-messages";
import { queryKeys } from "@/components/query-keys";
import type { ActivityView } from "@/lib/cache/activity-view";
import type { WaitingCounts } from "@/lib/cache/count-waiting-chats";
import type { ChatPresence } from "@/lib/cache/presence-view";
import type { QueueCounts } from "@/lib/team/count-queue-views";
import { rereadLoadsInFlight } from "./reread-loads-in-flight";

type ActivitiesData = { activities: ActivityView[] };

/** A new line of a chat's team trail, where the open thread shows it (once, whatever the order of arrival). */
export function appendActivity(queryClient: QueryClient, accountId: string, activity: ActivityView): void {
  queryClient.setQueryData<ActivitiesData>(queryKeys.account(accountId).activities(activity.chatId), (data) =>
    !data || data.activities.some((line) => line.id === activity.id)
      ? data
      : { activities: [...data.activities, activity].sort((a, b) => compareIds(a.id, b.id)) },
  );
}

/** Of two reads of a chat's presence, the later one (answers and live events can arrive out of order). */
export function newerPresence(held: ChatPresence | undefined, next: ChatPresence): ChatPresence {
  return held && Date.parse(held.asOf) > Date.parse(next.asOf) ? held : next;
}

/** Who has the chat open and who types, as the server last said (its answer to a heartbeat, or a live event). */
export function setPresence(queryClient: QueryClient, accountId: string, chatId: string, presence: ChatPresence): void {
  queryClient.setQueryData<ChatPresence>(queryKeys.account(accountId).presence(chatId), (held) => newerPresence(held, presence));
}

/** The counts of the team views move with any change of a chat: read again (one small request). */
export function refreshQueueCounts(queryClient: QueryClient, accountId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId).queueCounts(), exact: true });
}

/**
 * The account's Needs reply and Unassigned counts as a live event carried them: written without a request (every
 * tab of the account would otherwise ask at the same moment). Mine is the user's own: read again when the chat is
 * the user's (its status may have moved it in or out); an event without counts (stored before they were sent) reads
 * them all again.
 */
export function applyWaitingCounts(queryClient: QueryClient, accountId: string, waiting: WaitingCounts | undefined, chatIsMine: boolean): Promise<void> {
  if (!waiting || chatIsMine) return refreshQueueCounts(queryClient, accountId);
  const queryKey = queryKeys.account(accountId).queueCounts();
  queryClient.setQueryData<QueueCounts>(queryKey, (held) => held && { ...held, ...waiting });
  return rereadLoadsInFlight(queryClient, queryKey);
}

/** What the server now says of the chat's postings and reply window (a deadline passed, Ozon refused a send). */
export function refreshChatOrder(queryClient: QueryClient, accountId: string, chatId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId).chatOrder(chatId) });
}
