import type { Prisma } from "@/lib/db/generated/client";

/**
 * Locks a chat's row for the rest of the transaction. Every writer of a chat's messages, outbox rows and turn marks
 * takes this lock first: one lock order, so two instances writing the same chat wait for each other instead of
 * deadlocking (a store holding the turn mark while a send's record holds the chat was one such pair).
 */
export async function lockChatRow(tx: Prisma.TransactionClient, chatId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM chats WHERE id = ${chatId} FOR UPDATE`;
}
