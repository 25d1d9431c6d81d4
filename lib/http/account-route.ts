import { accountForUser, loadAccountAccess, type SellerAccountRow } from "@/lib/accounts/load-account-access";
import { readSessionClaims } from "@/lib/auth/get-session-user";
import { loadSessionUser } from "@/lib/auth/load-session-user";
import { getDb } from "@/lib/db/client";
import { makeJsonStorable } from "@/lib/text/make-json-storable";
import { AppError } from "@/lib/errors/app-error";
import { handleRoute } from "./handle-route";
import { type RouteContext, type UserRouteArgs, type UserRouteOptions } from "./user-route";

export type AccountRouteParams = { accountId: string } & Record<string, string | string[]>;

export type AccountRouteArgs<P extends AccountRouteParams = AccountRouteParams> = UserRouteArgs<P> & {
  /** The seller account of `params.accountId` (never its encrypted key). */
  account: SellerAccountRow;
};

/**
 * The wrapper for routes under /api/accounts/[accountId]: like userRoute, and the user must be allowed to work the
 * account (admins: every account; agents: their memberships). Otherwise 404, the same answer as for an account
 * that does not exist, so nobody learns which accounts exist. With `admin`, a member who is not an administrator
 * gets 403 (they already know the account).
 */
export function accountRoute<P extends AccountRouteParams = AccountRouteParams>(
  handler: (args: AccountRouteArgs<P>) => Promise<unknown>,
  options: UserRouteOptions = {},
) {
  const route = handleRoute<RouteContext<P> | undefined>(async (request, context) => {
    // Path segments are decoded by Next: %00 arrives as NUL, which PostgreSQL refuses (lib/text).
    const params = makeJsonStorable((await context?.params) ?? {}) as P;
    const accountId = params.accountId;
    const validId = typeof accountId === "string" && accountId.length > 0 && accountId.length <= 100;
    // The session's user and the account are read at once (every account route pays this): the account's row is
    // used only once the session proved valid, and answers the same 404 whether missing or not the user's.
    const db = getDb();
    const claims = await readSessionClaims(request);
    const [user, access] = await Promise.all([
      loadSessionUser(db, claims),
      validId && typeof claims?.sub === "string" ? loadAccountAccess(db, accountId, claims.sub) : null,
    ]);
    if (!user) throw new AppError("unauthenticated");
    const account = accountForUser(user, access);
    if (!account) throw new AppError("account_not_found");
    if (options.admin && user.role !== "ADMIN") throw new AppError("admin_only");
    return handler({ request, user, params, account });
  });
  return (request: Request, context?: RouteContext<P>): Promise<Response> => route(request, context);
}
