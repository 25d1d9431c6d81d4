import { z } from "zod";
import type { SavedReply } from "@/lib/db/generated/client";
import { MESSAGE_TEXT_MAX_CHARS, countCodePoints } from "@/lib/ozon/validate-message-text";
import { VARIABLE_PATTERN } from "./reply-variables";
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
  // The template may exceed 1000 characters only by its variables: the limit is checked after filling.
  text: z
    .string({ error: "text is required" })
    .trim()
    .min(1, { error: "text must not be empty" })
    .max(2000, { error: "text must be at most 2000 characters" })
    .refine((text) => countCodePoints(text.replace(VARIABLE_PATTERN, "")) <= MESSAGE_TEXT_MAX_CHARS, {
      error: `text without its variables must be at most ${MESSAGE_TEXT_MAX_CHARS} characters`,
    }),
  scope: z.enum(["team", "mine"], { error: "scope must be team or mine" }).default("mine"),
  accountId: z.string().max(100).nullable().default(null),
});
export type SavedReplyInput = z.input<typeof savedReplyInputSchema>;
