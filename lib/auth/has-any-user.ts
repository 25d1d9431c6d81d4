import type { Db } from "@/lib/db/client";

/** Whether anyone has been set up yet (the setup page is offered only while nobody has). */
export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) !== null;
}
