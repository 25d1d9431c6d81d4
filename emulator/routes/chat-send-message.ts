/** POST /v1/chat/send/message — plain text, 1..1000 Unicode code points, not blank; reply windows apply. */
import { badRequest } from "../errors";
import { reqString, type JsonObject } from "../input";
import { sendDenial } from "../rules";
import { appendMessage, Author } from "../state";
import { findChat, type Route } from "./types";

const MAX_TEXT_CODE_POINTS = 1000;

function validText(body: JsonObject): string {
  const v = body.text;
  if (v !== undefined && v !== null && typeof v !== "string") throw badRequest("text must be a string");
  const text = typeof v === "string" ? v : "";
  // Ozon counts characters; we count Unicode code points (an emoji is one), not UTF-16 units [inf].
  const length = [...text].length;
  if (length < 1 || length > MAX_TEXT_CODE_POINTS) throw badRequest("text must be 1 to 1000 characters");
  if (text.trim() === "") throw badRequest("text must not be blank");
  return text;
}

export const chatSendMessage: Route = {
  premium: true,
  mutates: true,
  handle({ seller, body, now }) {
    const chatId = reqString(body, "chat_id");
    const text = validText(body);
    const chat = findChat(seller, chatId);
    const posting = chat.postingNumber ? seller.postings.get(chat.postingNumber) : undefined;
    const denial = sendDenial(chat, posting, now);
    if (denial) throw denial;
    // No push [inf]: Ozon pushes what the seller did not do; the seller knows what it sent.
    appendMessage(seller, chat, now, Author.Seller, text);
    return { result: "success" };
  },
};
