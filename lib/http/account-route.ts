import { getAccountForUser, type SellerAccountRow } from "@/lib/accounts/get-account-for-user";
import { getDb } from "@/lib/db/client";
import { ApiError } from "./api-error";
import { handleRoute } from "./handle-route";
import { requireSessionUser, type RouteContext, type UserRouteArgs, type UserRouteOptions } from "./user-route";

export type AccountRouteParams = { accountId: string } & Record<string, string | string[]>;

export type AccountRouteArgs<P extends AccountRouteParams = AccountRouteParams> = UserRouteArgs<P> & {
  /** The seller account of `params.accountId` (never its encrypted key). */
  account: SellerAccountRow;
};

const NOT_FOUND = "This seller account does not exist or you do not have access to it.";

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
    const user = await requireSessionUser(request);
    const params = ((await context?.params) ?? {}) as P;
    const accountId = params.accountId;
    if (typeof accountId !== "string" || accountId.length === 0 || accountId.length > 100) {
      throw new ApiError(404, "not_found", NOT_FOUND);
    }
    const account = await getAccountForUser(getDb(), user, accountId);
    if (!account) throw new ApiError(404, "not_found", NOT_FOUND);
    if (options.admin && user.role !== "ADMIN") throw new ApiError(403, "forbidden", "Only an administrator can do this.");
    return handler({ request, user, params, account });
  });
  return (request: Request, context?: RouteContext<P>): Promise<Response> => route(request, context);
}
