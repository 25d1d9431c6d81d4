/**
 * Ozon's reply and start windows (seed text of /v1/chat/send/message and /v1/chat/start), all measured on the
 * emulator's clock so tests can cross the 48 h and 72 h lines with /__emulator/clock/advance.
 *
 *  - FBO: only the buyer starts a chat; the seller may write within 48 h of the buyer's last message.
 *  - FBS/rFBS: the seller may start a chat within 72 h of payment or of delivery; may write from payment until
 *    72 h after delivery, and after that only within 48 h of the buyer's last message.
 *  - Support chats are always writable, notification chats never [inf].
 */
import { ApiError, forbidden, MSG } from "./errors";
import { Author, HOUR, type Chat, type Posting } from "./state";

const REPLY_WINDOW_MS = 48 * HOUR;
const FBS_WINDOW_MS = 72 * HOUR;

/** Time of the newest buyer message in the chat, or null. */
function lastBuyerMessageAt(chat: Chat): number | null {
  const log = chat.log;
  for (let i = log.length - 1; i >= 0; i--) {
    const a = log.authors[i];
    if (a === Author.Customer || a === Author.CustomerCyrillic) return log.times[i]!;
  }
  return null;
}

function withinReplyWindow(chat: Chat, now: number): boolean {
  const at = lastBuyerMessageAt(chat);
  return at !== null && now - at <= REPLY_WINDOW_MS;
}

/** Why the seller may not write to this chat now, or null when it may. */
export function sendDenial(chat: Chat, posting: Posting | undefined, now: number): ApiError | null {
  switch (chat.type) {
    case "SELLER_SUPPORT":
    case "UNSPECIFIED":
      return null; // [inf] support (and unspecified) chats have no window
    case "SELLER_NOTIFICATION_LOGISTICS":
    case "SELLER_NOTIFICATION_UPDATE_CONTENT":
    case "SELLER_API_UPDATES":
    case "SELLER_API_NOTIFICATIONS":
      return forbidden(MSG.accessExpired); // [inf] notification chats are read-only
    case "BUYER_SELLER":
    case "BUYER_SELLER_SELECT":
      break;
  }
  if (withinReplyWindow(chat, now)) return null;
  if (posting && posting.schema !== "FBO" && posting.paidAt !== null && posting.paidAt <= now && !posting.cancelled) {
    if (posting.deliveredAt === null || now - posting.deliveredAt <= FBS_WINDOW_MS) return null;
  }
  return forbidden(MSG.accessExpired);
}

/** Whether the seller may open a chat for this FBS/rFBS posting now (ignoring an existing chat). */
function startWindowOpen(posting: Posting, now: number): boolean {
  if (posting.schema === "FBO" || posting.cancelled || posting.paidAt === null) return false;
  if (now - posting.paidAt <= FBS_WINDOW_MS) return true;
  return posting.deliveredAt !== null && now - posting.deliveredAt <= FBS_WINDOW_MS;
}

/** Why /v1/chat/start fails for this posting now, or null when it succeeds (an existing chat always succeeds [inf]). */
export function startDenial(posting: Posting, now: number): ApiError | null {
  if (posting.schema === "FBO") return forbidden(MSG.fboStart);
  if (posting.chatId !== null) return null;
  return startWindowOpen(posting, now) ? null : forbidden(MSG.accessExpired);
}
