import { normalizeUserType, type OzonChatMessage } from "@/lib/ozon";

import type { PushChatEvent } from "./parse-push-payload";

// Files arrive as markdown: an image is `![name](https://…)` [inf: as the emulator encodes them; Ozon does not say].
const IMAGE_MARKDOWN = /^!\[[^\]]*\]\(https:\/\/[^)\s]+\)$/;

/**
 * A message as the cache stores it, from a push: unread, no moderation status and no order context (a push carries
 * neither); the verification read that follows brings the exact fields.
 */
export function toPushedMessage(event: Extract<PushChatEvent, { message_type: "TYPE_NEW_MESSAGE" | "TYPE_UPDATE_MESSAGE" }>): OzonChatMessage {
  const text = event.data.join("\n").trim();
  return {
    messageId: event.message_id,
    user: { id: event.user.id, type: normalizeUserType(event.user.type), rawType: event.user.type },
    createdAt: event.created_at,
    isRead: false,
    isImage: IMAGE_MARKDOWN.test(text),
    moderateImageStatus: null,
    data: event.data,
    context: null,
  };
}
