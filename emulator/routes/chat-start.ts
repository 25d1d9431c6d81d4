/** POST /v1/chat/start — FBS/rFBS only, within 72 h of payment or delivery; an existing chat is returned [inf]. */
import { forbidden, MSG } from "../errors";
import { reqString } from "../input";
import { startDenial } from "../rules";
import { openBuyerChat } from "../state";
import { findPosting, type Route } from "./types";

export const chatStart: Route = {
  premium: true,
  mutates: true,
  handle({ emulator, seller, body, now }) {
    // A chat with a buyer: beyond plain Premium (see findChat).
    if (seller.subscription === "PREMIUM") throw forbidden(MSG.premiumRequired);
    const posting = findPosting(seller, reqString(body, "posting_number"));
    const denial = startDenial(posting, now);
    if (denial) throw denial;
    if (posting.chatId !== null) return { result: { chat_id: posting.chatId } };
    return { result: { chat_id: openBuyerChat(emulator.world.seed, seller, posting, now).chatId } };
  },
};
