/**
 * THE ownership rule (every route that changes a chat's owner applies it; the browser only shows its answer):
 *
 * - Any agent who may work the account may take an unassigned chat or give it to another agent of the account.
 * - A chat that has an owner changes owner (reassign, unassign) only by its owner or an administrator: nobody takes
 *   a colleague's chat from under them.
 */
export function canChangeOwner(actor: { id: string; role: "ADMIN" | "AGENT" }, currentOwnerId: string | null): boolean {
  return currentOwnerId === null || currentOwnerId === actor.id || actor.role === "ADMIN";
}
