/** POST /v3/chat/history — one chat's messages, Backward (default) or Forward from from_message_id inclusive [inf]. */
import { badRequest } from "../errors";
import { optId, optIdArray, optInt, optObject, optString, reqString } from "../input";
import { messageJson } from "../render";
import { findChat, type Route } from "./types";

export const chatHistory: Route = {
  premium: true,
  mutates: false,
  handle({ seller, body }) {
    const chat = findChat(seller, reqString(body, "chat_id"));
    const directionText = optString(body, "direction") ?? "Backward";
    if (directionText !== "Forward" && directionText !== "Backward") throw badRequest("direction must be Forward or Backward");
    const forward = directionText === "Forward";
    const from = optId(body, "from_message_id");
    if (forward && from === undefined) throw badRequest("from_message_id is required when direction is Forward");
    const limit = optInt(body, "limit", 1, 1000) ?? 50;
    const filter = optObject(body, "filter");
    const wanted = filter ? optIdArray(filter, "message_ids", "filter.message_ids") : undefined;

    const log = chat.log;
    // Candidate message indices in ascending id order: every message, or just the requested ones.
    let candidates: number[] | null = null;
    if (wanted && wanted.length > 0) {
      const set = new Set<number>();
      for (const id of wanted) {
        const i = log.indexOf(id);
        if (i >= 0) set.add(i);
      }
      candidates = [...set].sort((a, b) => a - b);
    }
    const count = candidates ? candidates.length : log.length;
    const idAt = (k: number) => log.ids[candidates ? candidates[k]! : k]!;
    const indexAt = (k: number) => (candidates ? candidates[k]! : k);

    // Position k in the candidate list where the page starts (from_message_id itself included).
    let k: number;
    if (forward) {
      if (candidates) {
        k = 0;
        while (k < count && idAt(k) < from!) k++;
      } else k = log.firstAtOrAfter(from!);
    } else if (from === undefined) {
      k = count - 1;
    } else if (candidates) {
      k = count - 1;
      while (k >= 0 && idAt(k) > from) k--;
    } else k = log.lastAtOrBefore(from);

    const messages = [];
    if (forward) {
      const end = Math.min(count, k + limit);
      for (let j = k; j < end; j++) messages.push(messageJson(seller, chat, indexAt(j)));
      return { has_next: end < count, messages };
    }
    const end = Math.max(-1, k - limit);
    for (let j = k; j > end; j--) messages.push(messageJson(seller, chat, indexAt(j)));
    return { has_next: end >= 0, messages };
  },
};
