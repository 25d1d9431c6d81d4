/**
 * The chat ratings Ozon scores a seller on, computed from the emulator's own state on its own clock, so that the
 * app's figures and Ozon's agree on the same history (docs/ozon-wire-decisions.md "Ratings"; docs/metrics.md):
 *
 * - Buyer chats only (BUYER_SELLER); buyer = `Customer` (either spelling), seller = `Seller`; other authors are ignored.
 * - A *turn* starts at a buyer message when no earlier buyer message of the chat is still waiting, and is answered by
 *   the next seller message. The chat's first turn starts at its first buyer message.
 * - A window [from, to) holds the turns that START in it; an answer counts whenever it came (up to now).
 * - `rating_reaction_time`: mean seconds from start to answer of the answered FIRST turns in the window.
 * - `rating_average_response_time`: mean seconds of every answered turn in the window.
 * - `rating_replied_dialogs_ratio`: per chat, its first turn in the window is a dialog; answered within 24 h = replied;
 *   a dialog still unanswered and younger than 24 h is not counted yet. Percent 0..100.
 * Nothing to average gives 0.
 */
import { Author, DAY, HOUR, isBuyerChatType, type Seller } from "./state";

export interface Turn {
  chatIndex: number;
  first: boolean;
  start: number;
  /** The answering seller message's time; null = unanswered (so far). */
  answer: number | null;
}

export const RATING_WINDOW_MS = 30 * DAY;
const REPLY_WITHIN_MS = 24 * HOUR;

export type ChatRatingCode = "rating_reaction_time" | "rating_average_response_time" | "rating_replied_dialogs_ratio";

const isBuyer = (a: number) => a === Author.Customer || a === Author.CustomerCyrillic;

/** Every turn of the seller's buyer chats up to `now`, in chat order then time. */
export function sellerTurns(seller: Seller, now: number): Turn[] {
  const turns: Turn[] = [];
  seller.chats.forEach((chat, chatIndex) => {
    if (!isBuyerChatType(chat.type)) return;
    const log = chat.log;
    let open: Turn | null = null;
    let first = true;
    for (let i = 0; i < log.length; i++) {
      const t = log.times[i]!;
      if (t > now) break;
      const author = log.authors[i]!;
      if (isBuyer(author)) {
        if (!open) {
          open = { chatIndex, first, start: t, answer: null };
          first = false;
          turns.push(open);
        }
      } else if (author === Author.Seller && open) {
        open.answer = t;
        open = null;
      }
    }
  });
  return turns;
}

/** The turn's answer as known at `asOf`. */
const answerBy = (t: Turn, asOf: number) => (t.answer !== null && t.answer <= asOf ? t.answer : null);

/** A chat rating over the turns starting in [from, to), as it stood at `now`. */
export function ratingValue(rating: ChatRatingCode, turns: readonly Turn[], from: number, to: number, now: number): number {
  if (rating === "rating_replied_dialogs_ratio") {
    const firstInWindow = new Map<number, Turn>();
    for (const t of turns) if (t.start >= from && t.start < to && !firstInWindow.has(t.chatIndex)) firstInWindow.set(t.chatIndex, t);
    let dialogs = 0;
    let replied = 0;
    for (const t of firstInWindow.values()) {
      const answer = answerBy(t, now);
      if (answer !== null && answer - t.start <= REPLY_WITHIN_MS) replied++;
      if (answer !== null || now - t.start >= REPLY_WITHIN_MS) dialogs++;
    }
    return dialogs === 0 ? 0 : (replied / dialogs) * 100;
  }
  let n = 0;
  let sum = 0;
  for (const t of turns) {
    const answer = answerBy(t, now);
    if (t.start < from || t.start >= to || answer === null) continue;
    if (rating === "rating_reaction_time" && !t.first) continue;
    n++;
    sum += answer - t.start;
  }
  return n === 0 ? 0 : sum / n / 1000;
}

/** Our thresholds [inf]: Ozon publishes none for the chat ratings. */
export const CHAT_RATING_META: Record<
  ChatRatingCode,
  { name: string; valueType: "TIME" | "PERCENT"; direction: "LOWER_IS_BETTER" | "HIGHER_IS_BETTER"; premium: number; warning: number; danger: number }
> = {
  rating_reaction_time: { name: "Время реакции", valueType: "TIME", direction: "LOWER_IS_BETTER", premium: 3600, warning: 7200, danger: 86400 },
  rating_average_response_time: {
    name: "Среднее время ответа",
    valueType: "TIME",
    direction: "LOWER_IS_BETTER",
    premium: 3600,
    warning: 7200,
    danger: 86400,
  },
  rating_replied_dialogs_ratio: {
    name: "Доля диалогов с ответом за 24 часа",
    valueType: "PERCENT",
    direction: "HIGHER_IS_BETTER",
    premium: 95,
    warning: 90,
    danger: 70,
  },
};

/** The danger / warning / premium flags of a value against a rating's thresholds. */
export function ratingFlags(rating: ChatRatingCode, value: number): { danger: boolean; premium: boolean; warning: boolean } {
  const m = CHAT_RATING_META[rating];
  if (m.direction === "LOWER_IS_BETTER") return { danger: value >= m.danger, warning: value >= m.warning, premium: value <= m.premium };
  return { danger: value < m.danger, warning: value < m.warning, premium: value >= m.premium };
}

export function ratingStatus(rating: ChatRatingCode, value: number): "OK" | "WARNING" | "CRITICAL" {
  const f = ratingFlags(rating, value);
  return f.danger ? "CRITICAL" : f.warning ? "WARNING" : "OK";
}
