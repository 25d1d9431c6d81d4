/** POST /v1/chat/start — FBS/rFBS only, within 72 h of payment or delivery; an existing chat is returned [inf]. */
import { reqString } from "../input";
import { startDenial } from "../rules";
import { addChat, idAt, MessageLog, type Chat } from "../state";
import { findPosting, type Route } from "./types";
import { Prng } from "../prng";

export const chatStart: Route = {
  premium: true,
  mutates: true,
  handle({ emulator, seller, body, now }) {
    const posting = findPosting(seller, reqString(body, "posting_number"));
    const denial = startDenial(posting, now);
    if (denial) throw denial;
    if (posting.chatId !== null) return { result: { chat_id: posting.chatId } };
    // New chat ids are derived from the seed and the posting, so a replay of the same calls gives the same ids.
    const chatId = new Prng(emulator.world.seed * 31 + seller.chats.length * 7 + posting.order_id).uuid();
    const chat: Chat = {
      chatId,
      type: "BUYER_SELLER",
      status: "OPENED",
      createdAt: now,
      postingNumber: posting.posting_number,
      peerId: posting.buyerId,
      log: new MessageLog(4),
      readCount: 0,
      unread: 0,
      activity: idAt(seller, now),
    };
    posting.chatId = chatId;
    addChat(seller, chat);
    return { result: { chat_id: chatId } };
  },
};
