import { z } from "zod";
import type { SavedReply } from "@/lib/db/generated/client";
import { SAVED_REPLY_MAX_CHARS, SAVED_REPLY_RAW_MAX_CHARS, checkSavedReplyText } from "./saved-reply-limits";
import { mayEditReply, type ReplyUser } from "./saved-reply-rights";

export type SavedReplyView = {
  id: string;
  /** null: for every seller account. */
  accountId: string | null;
  /** "team": the team's, managed by administrators; "mine": the agent's own. */
  scope: "team" | "mine";
  title: string;
  shortcut: string;
  text: string;
  usageCount: number;
  /** Whether this user may change or delete it (the server's rule, mayEditReply): the browser shows, never infers. */
  mayEdit: boolean;
};

export function toSavedReplyView(reply: SavedReply, user: ReplyUser): SavedReplyView {
  return {
    id: reply.id,
    accountId: reply.accountId,
    scope: reply.ownerId === null ? "team" : "mine",
    title: reply.title,
    shortcut: reply.shortcut,
    text: reply.text,
    usageCount: reply.usageCount,
    mayEdit: mayEditReply(user, reply),
  };
}

const SHORTCUT_WORDS = "shortcut: 1–32 letters, digits, - or _";

/** What a saved reply is made of, as a request gives it (create, update, import). */
export const savedReplyInputSchema = z.object({
  title: z.string({ error: "title is required" }).trim().min(1, { error: "title must not be empty" }).max(100, { error: "title must be at most 100 characters" }),
  shortcut: z
    .string({ error: "shortcut is required" })
    .trim()
    .toLowerCase()
    .regex(/^[\p{L}\p{N}_-]{1,32}$/u, { error: SHORTCUT_WORDS }),
  // Up to an answer's 3000 characters without its variables (a chat's 1000 is checked once filled, where it goes in).
  text: z
    .string({ error: "text is required" })
    .trim()
    .min(1, { error: "text must not be empty" })
    .max(SAVED_REPLY_RAW_MAX_CHARS, { error: `text must be at most ${SAVED_REPLY_RAW_MAX_CHARS} characters` })
    .refine((text) => checkSavedReplyText(text)?.problem !== "fixed_too_long", {
      error: `text without its variables must be at most ${SAVED_REPLY_MAX_CHARS} characters`,
    }),
  scope: z.enum(["team", "mine"], { error: "scope must be team or mine" }).default("mine"),
  accountId: z.string().max(100).nullable().default(null),
});
export type SavedReplyInput = z.input<typeof savedReplyInputSchema>;
