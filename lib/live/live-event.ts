import { z } from "zod";

import { chatViewSchema } from "@/lib/chats/chat-view";
import { messageViewSchema } from "@/lib/chats/message-view";

/**
 * What the browsers' live stream (GET /api/events, server-sent events) carries: every change to an account's
 * cache that an open inbox should show without asking. One shape for the server that publishes and the browser
 * that applies, so the two cannot drift. Each event names its account; a stream only carries the events of the
 * accounts its user may work.
 *
 * - `message`: new or changed messages of one chat, with the chat as it now is (for the list: preview, time,
 *   unread badge) and the account's unread total.
 * - `chat`: a chat changed without a new message (read, closed, reopened), with the account's unread total.
 * - `sync`: the account's sync state changed (import progress, a failure, back to normal).
 *
 * Besides these, the stream sends `refetch` (data: {}) when it cannot tell what a reconnecting tab missed, and
 * comments as heartbeats.
 */
export const syncStateViewSchema = z.object({
  phase: z.enum(["IDLE", "IMPORTING", "INCREMENTAL"]),
  chatsTotal: z.number().int(),
  chatsDone: z.number().int(),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
});
export type SyncStateView = z.infer<typeof syncStateViewSchema>;

export const liveEventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("message"),
    accountId: z.string(),
    chat: chatViewSchema,
    messages: z.array(messageViewSchema),
    totalUnread: z.number().int(),
  }),
  z.object({
    kind: z.literal("chat"),
    accountId: z.string(),
    chat: chatViewSchema,
    totalUnread: z.number().int(),
  }),
  z.object({
    kind: z.literal("sync"),
    accountId: z.string(),
    sync: syncStateViewSchema,
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventKind = LiveEvent["kind"];
