/** POST /v2/chat/read — marks from_message_id and every earlier message read; without it, all [inf]. */
import { optId, reqString } from "../input";
import { markRead } from "../state";
import { findChat, type Route } from "./types";

export const chatRead: Route = {
  premium: true,
  mutates: true,
  handle({ seller, body }) {
    const chat = findChat(seller, reqString(body, "chat_id"));
    // [inf] An id that is not in the chat is not an error: everything up to it is marked.
    // No push [inf]: Ozon pushes what the seller did not do, and reading is the seller's own act.
    const unread = markRead(seller, chat, optId(body, "from_message_id"));
    return { unread_count: unread };
  },
};
