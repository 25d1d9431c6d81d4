import { workableAccountsWhere } from "@/lib/accounts/workable-accounts-where";
import type { Db } from "@/lib/db/client";
import type { Prisma, SavedReply } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

export type ReplyUser = { id: string; role: "ADMIN" | "AGENT" };
type User = ReplyUser;

/** Who may add, change and delete the team's replies (shared, or for one account): administrators. */
export function mayWriteTeamReplies(user: User): boolean {
  return user.role === "ADMIN";
}

/** Who may change or delete a reply they see: its owner, and administrators the team's. */
export function mayEditReply(user: User, reply: Pick<SavedReply, "ownerId">): boolean {
  return reply.ownerId === null ? mayWriteTeamReplies(user) : reply.ownerId === user.id;
}

/**
 * The replies a user sees: the team's and their own, for every account or one they may work. Administrators work
 * every account: no account condition for them (an empty relation filter, `account: {}`, matches no row in Prisma).
 */
export function visibleRepliesWhere(user: User): Prisma.SavedReplyWhereInput {
  const own = { OR: [{ ownerId: null }, { ownerId: user.id }] };
  if (user.role === "ADMIN") return own;
  return { AND: [own, { OR: [{ accountId: null }, { account: workableAccountsWhere(user) }] }] };
}

/** A reply the user may change: the team's for administrators, their own for everyone; 404 for others' own. */
export async function findEditableReplyOrThrow(db: Db, user: User, id: string): Promise<SavedReply> {
  const reply = id.length <= 100 ? await db.savedReply.findFirst({ where: { id, ...visibleRepliesWhere(user) } }) : null;
  if (!reply) throw new AppError("saved_reply_not_found");
  if (!mayEditReply(user, reply)) throw new AppError(reply.ownerId === null ? "team_replies_admin_only" : "saved_reply_not_found");
  return reply;
}

/** Checks who may write a reply of this scope for this account: team replies are administrators'; the account must be theirs. */
export async function assertMayWriteReply(db: Db, user: User, input: { scope: "team" | "mine"; accountId: string | null }): Promise<void> {
  if (input.scope === "team" && !mayWriteTeamReplies(user)) throw new AppError("team_replies_admin_only");
  if (input.accountId === null) return;
  const account = await db.sellerAccount.findFirst({ where: { id: input.accountId, ...workableAccountsWhere(user) }, select: { id: true } });
  if (!account) throw new AppError("account_not_found");
}
