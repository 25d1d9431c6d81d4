import type { PushChatEvent } from "./parse-push-payload";

/**
 * What makes two deliveries the same event: Ozon retries, so one notification can arrive several times. An edit is
 * identified by its updated_at (a message may be edited twice), a read by how far it reads, a close by the chat.
 */
export function pushDedupeKey(event: PushChatEvent): string {
  switch (event.message_type) {
    case "TYPE_NEW_MESSAGE":
      return `${event.message_type}:${event.chat_id}:${event.message_id}`;
    case "TYPE_UPDATE_MESSAGE":
      return `${event.message_type}:${event.chat_id}:${event.message_id}:${event.updated_at}`;
    case "TYPE_MESSAGE_READ":
      return `${event.message_type}:${event.chat_id}:${event.last_read_message_id}`;
    case "TYPE_CHAT_CLOSED":
      return `${event.message_type}:${event.chat_id}`;
  }
}
