import { z } from "zod";

import { activityViewSchema } from "@/lib/cache/activity-view";
import { chatPresenceSchema } from "@/lib/cache/presence-view";
import { chatViewSchema } from "@/lib/cache/chat-view";
import { messageViewSchema } from "@/lib/cache/message-view";
import { outboxViewSchema } from "@/lib/cache/outbox-view";

/**
 * What the browsers' live stream (GET /api/events, server-sent events) carries: every change to an account's
 * cache that an open inbox should show without asking. One shape for the server that publishes and the browser
 * that applies, so the two cannot drift. Each event names its account; a stream only carries the events of the
 * accounts its user may work.
 *
 * - `message`: new or changed messages of one chat, with the chat as it now is (for the list: preview, time,
 *   unread badge), the account's unread total and its Needs reply / Unassigned counts (`queue`, so that 50 tabs do
 *   not each ask for them again; optional: an event stored before it was added has none).
 * - `chat`: a chat changed without a new message (read, closed, reopened), with the account's unread total and
 *   `queue`.
 * - `outbox`: a message on its way from the inbox changed state (sending, checking with Ozon, failed, sent), so
 *   every tab of the account shows its fate without asking; tabs match it by its client id.
 * - `sync`: the account's sync state changed (import progress, a failure, back to normal).
 * - `access`: what a user may do changed (accounts, role, deactivated, password reset, signed out). Never sent to a
 *   browser: a stream of that user ends at once, and the browser's reconnect starts over with the user's new rights
 *   (or a 401). One per account, so every instance's buses see it like any other event.
 * - `team`: an agent (or the system) changed the chat's owner or status or wrote a note (lib/team), with the chat as
 *   it now is and the new line of its trail.
 * - `presence`: who has the chat open and who is typing in it changed (lib/team/record-presence.ts); each viewer
 *   with the expiry of their last heartbeat, which the browser applies itself.
 *
 * Besides these, the stream sends `refetch` (data: {}) when it cannot tell what a reconnecting tab missed, and
 * comments as heartbeats.
 */
const syncStateViewSchema = z.object({
  phase: z.enum(["IDLE", "IMPORTING", "INCREMENTAL"]),
  chatsTotal: z.number().int(),
  chatsDone: z.number().int(),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
});
export type SyncStateView = z.infer<typeof syncStateViewSchema>;

/** lib/cache/count-waiting-chats.ts's WaitingCounts. */
const waitingCountsSchema = z.object({ needsReply: z.number().int(), unassigned: z.number().int(), cap: z.number().int() });

export const liveEventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("message"),
    accountId: z.string(),
    chat: chatViewSchema,
    messages: z.array(messageViewSchema),
    totalUnread: z.number().int(),
    queue: waitingCountsSchema.optional(),
  }),
  z.object({
    kind: z.literal("chat"),
    accountId: z.string(),
    chat: chatViewSchema,
    totalUnread: z.number().int(),
    queue: waitingCountsSchema.optional(),
  }),
  z.object({
    kind: z.literal("outbox"),
    accountId: z.string(),
    outbox: outboxViewSchema,
  }),
  z.object({
    kind: z.literal("team"),
    accountId: z.string(),
    chat: chatViewSchema,
    activity: activityViewSchema.nullable(),
    totalUnread: z.number().int(),
  }),
  z.object({
    kind: z.literal("presence"),
    accountId: z.string(),
    chatId: z.string(),
    ...chatPresenceSchema.shape,
  }),
  z.object({
    kind: z.literal("sync"),
    accountId: z.string(),
    sync: syncStateViewSchema,
  }),
  z.object({
    kind: z.literal("access"),
    accountId: z.string(),
    userId: z.string(),
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventKind = LiveEvent["kind"];
