import type { Db } from "@/lib/db/client";

/**
 * Keeps a user online (for automatic assignment, lib/team/auto-assign-chats.ts) until `until`: called by the live
 * stream when a tab connects and on each of its heartbeats. Several tabs only ever move the time later. Leaves
 * users.updated_at alone (this is no change of the user).
 */
export async function recordUserOnline(db: Db, userId: string, until: Date): Promise<void> {
  await db.$executeRaw`UPDATE users SET online_until = GREATEST(online_until, ${until}) WHERE id = ${userId}`;
}
