import type { Db } from "@/lib/db/client";
import { toUserSummary, userSummarySelect, type UserSummary } from "./user-summary";

/** Every user, administrators first, then by name. */
export async function listUsers(db: Db): Promise<UserSummary[]> {
  const users = await db.user.findMany({ select: userSummarySelect, orderBy: [{ role: "asc" }, { name: "asc" }, { email: "asc" }] });
  return users.map(toUserSummary);
}
