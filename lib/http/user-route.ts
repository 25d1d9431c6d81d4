import { getSessionUser, type SessionUser } from "@/lib/auth/get-session-user";
import { ApiError } from "./api-error";
import { handleRoute } from "./handle-route";

export type RouteParams = Record<string, string | string[]>;

/** What Next passes a route handler as its second argument (Next 16: `params` is a Promise). */
export type RouteContext<P extends RouteParams = RouteParams> = { params?: Promise<P> | P };

export type UserRouteArgs<P extends RouteParams = RouteParams> = { request: Request; user: SessionUser; params: P };

export type UserRouteOptions = {
  /** Only administrators may call the route; others get 403. */
  admin?: boolean;
};

/** The 401's words, for every route behind sign-in. */
export const NOT_SIGNED_IN = "You are not signed in, or your session has ended. Sign in again.";

/** Answers 401 unless the request carries a live session; 403 for a non-admin on an admin route. */
export async function requireSessionUser(request: Request, options: UserRouteOptions = {}): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw new ApiError(401, "unauthenticated", NOT_SIGNED_IN);
  if (options.admin && user.role !== "ADMIN") throw new ApiError(403, "forbidden", "Only an administrator can do this.");
  return user;
}

/**
 * The wrapper for every route behind sign-in: the handler receives the signed-in user and the awaited params; its
 * value is answered as JSON and anything it throws as `{ error: { code, message } }` (handleRoute).
 */
export function userRoute<P extends RouteParams = RouteParams>(
  handler: (args: UserRouteArgs<P>) => Promise<unknown>,
  options: UserRouteOptions = {},
) {
  const route = handleRoute<RouteContext<P> | undefined>(async (request, context) => {
    const user = await requireSessionUser(request, options);
    const params = ((await context?.params) ?? {}) as P;
    return handler({ request, user, params });
  });
  return (request: Request, context?: RouteContext<P>): Promise<Response> => route(request, context);
}
