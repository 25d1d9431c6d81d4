import { describe, expect, it } from "vitest";
import { deriveReplyWindow, type ReplyWindowInput } from "./derive-reply-window";
import { computeReplyState } from "./reply-state";

const H = 3_600_000;
const T0 = Date.parse("2026-12-01T10:00:00.000Z");
const at = (hours: number) => new Date(T0 + hours * H);

function input(over: Partial<ReplyWindowInput>): ReplyWindowInput {
  return { isBuyerChat: true, type: "buyer_seller", lastBuyerMessageAt: at(0), postings: [], clockOffsetMs: 0, ...over };
}

/** The state an agent sees `hours` after T0, for a chat that is open at Ozon and was never refused. */
function stateAt(over: Partial<ReplyWindowInput>, hours: number) {
  const window = deriveReplyWindow(input(over));
  return computeReplyState({ status: "OPENED", replyRefusedAt: null, ...window }, at(hours));
}

const fbo = { scheme: "FBO", status: "delivered", paidAt: at(-100), deliveredAt: null };
const fbsOnItsWay = { scheme: "FBS", status: "delivering", paidAt: at(-10), deliveredAt: null };
const fbsDelivered = { scheme: "rFBS", status: "delivered", paidAt: at(-100), deliveredAt: at(-10) };
const fbsUnpaid = { scheme: "FBS", status: "awaiting_approve", paidAt: null, deliveredAt: null };

describe("reply window (Ozon's rules for /v1/chat/send/message)", () => {
  it("FBO: within 48 h of the buyer's last message, then closed with the FBO reason", () => {
    expect(stateAt({ postings: [fbo] }, 47)).toEqual({ canReply: true, until: at(48).toISOString(), reason: null });
    expect(stateAt({ postings: [fbo] }, 48.01)).toEqual({ canReply: false, until: null, reason: "fbo_window_passed" });
  });

  it("FBS/rFBS: open without a deadline from payment until delivery, then 72 h after delivery", () => {
    expect(stateAt({ postings: [fbsOnItsWay], lastBuyerMessageAt: null }, 500)).toEqual({ canReply: true, until: null, reason: null });
    // Delivered 10 h before T0; the buyer wrote at T0: 72 h after delivery (T0+62 h) is later than 48 h after the message.
    expect(stateAt({ postings: [fbsDelivered] }, 61)).toEqual({ canReply: true, until: at(62).toISOString(), reason: null });
    expect(stateAt({ postings: [fbsDelivered] }, 63)).toEqual({ canReply: false, until: null, reason: "fbs_window_passed" });
  });

  it("FBS/rFBS after the 72 h: within 48 h of the buyer's last message", () => {
    expect(stateAt({ postings: [fbsDelivered], lastBuyerMessageAt: at(100) }, 120)).toEqual({ canReply: true, until: at(148).toISOString(), reason: null });
  });

  it("FBS not paid: closed unless the buyer wrote within 48 h", () => {
    expect(stateAt({ postings: [fbsUnpaid], lastBuyerMessageAt: null }, 1)).toEqual({ canReply: false, until: null, reason: "not_paid" });
    expect(stateAt({ postings: [fbsUnpaid] }, 1)).toEqual({ canReply: true, until: at(48).toISOString(), reason: null });
  });

  it("several postings: a cancelled one does not count while another is live", () => {
    const cancelled = { scheme: "FBS", status: "cancelled", paidAt: null, deliveredAt: null };
    expect(stateAt({ postings: [cancelled, fbsOnItsWay] }, 100).canReply).toBe(true);
    expect(stateAt({ postings: [cancelled, fbo] }, 49).reason).toBe("fbo_window_passed");
  });

  it("unknown order (postings never read, or none): open without a deadline; Ozon's answer decides", () => {
    expect(stateAt({ postings: null }, 1000)).toEqual({ canReply: true, until: null, reason: null });
    expect(stateAt({ postings: [] }, 1000)).toEqual({ canReply: true, until: null, reason: null });
  });

  it("support chats have no window; Ozon's notification chats are read-only", () => {
    expect(stateAt({ isBuyerChat: false, type: "seller_support" }, 1000)).toEqual({ canReply: true, until: null, reason: null });
    for (const type of ["seller_notification_logistics", "seller_api_updates", "seller_api_notifications", "seller_notification"]) {
      expect(stateAt({ isBuyerChat: false, type }, 0)).toEqual({ canReply: false, until: null, reason: "read_only_chat" });
    }
  });

  it("deadlines are Ozon's, kept on our clock: an Ozon clock 49 h ahead closes a 48 h window at once", () => {
    expect(stateAt({ postings: [fbo], clockOffsetMs: 49 * H }, 0)).toEqual({ canReply: false, until: null, reason: "fbo_window_passed" });
  });

  it("a closed chat and Ozon's refusal win over any window", () => {
    const window = deriveReplyWindow(input({ postings: [fbsOnItsWay] }));
    expect(computeReplyState({ status: "CLOSED", replyRefusedAt: null, ...window }, at(1)).reason).toBe("chat_closed");
    expect(computeReplyState({ status: "OPENED", replyRefusedAt: at(0), ...window }, at(1)).reason).toBe("ozon_refused");
  });
});
