/** POST /v3/chat/list — chats by last activity, newest first [inf], cursor paging. */
import { encodeCursor, decodeCursor } from "../cursor";
import { badRequest, MSG } from "../errors";
import { optBool, optObject, optString, reqInt } from "../input";
import { chatListItem } from "../render";
import { compareChats, sortedChats, type Chat } from "../state";
import type { Route } from "./types";

/** Both spellings Ozon has documented: the newest enum and the older Pascal case. */
const STATUS_FILTER: Record<string, "ALL" | "OPENED" | "CLOSED"> = {
  ALL: "ALL", OPENED: "OPENED", CLOSED: "CLOSED", All: "ALL", Opened: "OPENED", Closed: "CLOSED",
};

function cursorFor(chat: Chat): string {
  return encodeCursor(`chat:${chat.activity}:${chat.chatId}`);
}

function parseChatCursor(cursor: string): { activity: bigint; chatId: string } {
  const m = /^chat:(\d+):(.+)$/.exec(decodeCursor(cursor));
  if (!m) throw badRequest(MSG.badCursor);
  return { activity: BigInt(m[1]!), chatId: m[2]! };
}

export const chatList: Route = {
  premium: true,
  mutates: false,
  handle({ seller, body }) {
    const limit = reqInt(body, "limit", 1, 100);
    const cursor = optString(body, "cursor") ?? "";
    const filter = optObject(body, "filter") ?? {};
    const statusText = optString(filter, "chat_status");
    const status = statusText === undefined || statusText === "" ? "ALL" : STATUS_FILTER[statusText];
    if (!status) throw badRequest("filter.chat_status must be one of ALL, OPENED, CLOSED");
    const unreadOnly = optBool(filter, "unread_only") ?? false;

    const chats = sortedChats(seller);
    let start = 0;
    if (cursor !== "") {
      // The page continues strictly after the cursor's position in the order, so it stays stable while no chat changes.
      const key = parseChatCursor(cursor);
      let lo = 0;
      let hi = chats.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareChats(chats[mid]!, key) <= 0) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const matches = (c: Chat) => (status === "ALL" || c.status === status) && (!unreadOnly || c.unread > 0);

    const page: Chat[] = [];
    let i = start;
    for (; i < chats.length && page.length < limit; i++) if (matches(chats[i]!)) page.push(chats[i]!);
    let hasNext = false;
    for (; i < chats.length; i++) {
      if (matches(chats[i]!)) {
        hasNext = true;
        break;
      }
    }
    const last = page[page.length - 1];
    return {
      chats: page.map(chatListItem),
      total_unread_count: seller.totalUnread,
      cursor: last ? cursorFor(last) : cursor,
      has_next: hasNext,
    };
  },
};
