import type { ChatPresence, PresenceViewer } from "@/lib/cache/presence-view";
import type { Db } from "@/lib/db/client";

export type ViewerRow = { userId: string; name: string; viewingUntil: Date; typingUntil: Date | null };

const toViewer = (row: ViewerRow): PresenceViewer => ({
  userId: row.userId,
  name: row.name,
  viewingUntil: row.viewingUntil.toISOString(),
  typingUntil: row.typingUntil?.toISOString() ?? null,
});

/** The agents viewing the chat now (typing only while it lasts), by name. */
export async function readViewers(db: Db, chatId: string, now: Date): Promise<ViewerRow[]> {
  const rows = await db.chatPresence.findMany({
    where: { chatId, viewingUntil: { gt: now } },
    select: { userId: true, viewingUntil: true, typingUntil: true, user: { select: { name: true } } },
    orderBy: { userId: "asc" },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, viewingUntil: r.viewingUntil, typingUntil: r.typingUntil && r.typingUntil > now ? r.typingUntil : null }));
}

/** The viewers just read, stamped with the time the read completed (call it right after readViewers). */
export const toPresence = (rows: ViewerRow[]): ChatPresence => ({ viewers: rows.map(toViewer), asOf: new Date().toISOString() });
