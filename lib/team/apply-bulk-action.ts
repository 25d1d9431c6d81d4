import { z } from "zod";
import { markChatRead } from "@/lib/chats/mark-chat-read";
import type { Db } from "@/lib/db/client";
import type { AppErrorBody } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import type { OzonConnection } from "@/lib/ozon";
import { assignChat, type TeamActor } from "./assign-chat";
import { setChatStatus } from "./set-chat-status";

const BULK_MAX_CHATS = 100;

export const bulkActionRequestSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("assign"), chatIds: z.array(z.string().min(1).max(100)).min(1).max(BULK_MAX_CHATS), assigneeId: z.string().min(1).max(100).nullable() }),
  z.object({ action: z.literal("resolve"), chatIds: z.array(z.string().min(1).max(100)).min(1).max(BULK_MAX_CHATS) }),
  z.object({ action: z.literal("reopen"), chatIds: z.array(z.string().min(1).max(100)).min(1).max(BULK_MAX_CHATS) }),
  z.object({ action: z.literal("snooze"), chatIds: z.array(z.string().min(1).max(100)).min(1).max(BULK_MAX_CHATS), snoozedUntil: z.iso.datetime({ offset: true }) }),
  z.object({ action: z.literal("read"), chatIds: z.array(z.string().min(1).max(100)).min(1).max(BULK_MAX_CHATS) }),
]);
export type BulkActionRequest = z.infer<typeof bulkActionRequestSchema>;

export type BulkActionResult = { chatId: string; ok: boolean; error?: AppErrorBody["error"] };

/**
 * One action on many chats of an account (assign, resolve, reopen, snooze, mark read), chat by chat with the same
 * rules as the single actions; a chat that fails (someone else's chat, gone, Ozon refused) does not stop the others
 * and is reported with its error.
 */
export async function applyBulkAction(
  db: Db,
  accountId: string,
  actor: TeamActor,
  request: BulkActionRequest,
  getConnection: () => Promise<OzonConnection>,
): Promise<{ results: BulkActionResult[] }> {
  const parsed = bulkActionRequestSchema.parse(request);
  const results: BulkActionResult[] = [];
  for (const chatId of [...new Set(parsed.chatIds)]) {
    const target = { accountId, chatId };
    try {
      if (parsed.action === "assign") await assignChat(db, target, actor, { assigneeId: parsed.assigneeId });
      else if (parsed.action === "resolve") await setChatStatus(db, target, actor, { status: "RESOLVED" });
      else if (parsed.action === "reopen") await setChatStatus(db, target, actor, { status: "OPEN" });
      else if (parsed.action === "snooze") await setChatStatus(db, target, actor, { status: "SNOOZED", snoozedUntil: parsed.snoozedUntil });
      else await markChatRead(db, await getConnection(), target, {});
      results.push({ chatId, ok: true });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === "internal") throw error;
      results.push({ chatId, ok: false, error: { ...appError.params, code: appError.code, message: appError.message } });
    }
  }
  return { results };
}
