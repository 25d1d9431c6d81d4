import { z } from "zod";
import type { ChatActivity } from "@/lib/db/generated/client";

const activityKinds = ["assigned", "unassigned", "status", "note"] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * One line of a chat's team trail as the browser sees it (lib/team writes them): who (null: the system), what, when;
 * `automatic`: the automatic assigner gave the chat (its actor is null). Assignees and mentions are user ids; the
 * browser names them from the account's agents.
 */
export const activityViewSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  kind: z.enum(activityKinds),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  // Events logged before the field existed read as manual.
  automatic: z.boolean().default(false),
  assigneeId: z.string().nullable(),
  status: z.enum(["OPEN", "WAITING", "SNOOZED", "RESOLVED"]).nullable(),
  snoozedUntil: z.iso.datetime().nullable(),
  text: z.string().nullable(),
  mentions: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

export function toActivityView(row: ChatActivity & { actor: { id: string; name: string } | null }): ActivityView {
  return {
    id: row.id.toString(),
    chatId: row.chatId,
    kind: (activityKinds as readonly string[]).includes(row.kind) ? (row.kind as ActivityKind) : "status",
    actor: row.actor ? { id: row.actor.id, name: row.actor.name } : null,
    automatic: row.automatic,
    assigneeId: row.assigneeId,
    status: row.status,
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
    text: row.text,
    mentions: row.mentions ?? [],
    createdAt: row.createdAt.toISOString(),
  };
}
