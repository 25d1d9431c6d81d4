import { getSessionUser, type SessionUser } from "@/lib/auth/get-session-user";
import { makeJsonStorable } from "@/lib/text/make-json-storable";
import { AppError } from "@/lib/errors/app-error";
import { handleRoute } from "./handle-route";

export type RouteParams = Record<string, string | string[]>;

/** What Next passes a route handler as its second argument (Next 16: `params` is a Promise). */
export type RouteContext<P extends RouteParams = RouteParams> = { params?: Promise<P> | P };

export type UserRouteArgs<P extends RouteParams = RouteParams> = { request: Request; user: SessionUser; params: P };

export type UserRouteOptions = {
  /** Only administrators may call the route; others get 403. */
  admin?: boolean;
};

/** Answers 401 unless the request carries a live session; 403 for a non-admin on an admin route. */
async function requireSessionUser(request: Request, options: UserRouteOptions = {}): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw new AppError("unauthenticated");
  if (options.admin && user.role !== "ADMIN") throw new AppError("admin_only");
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
    const params = makeJsonStorable((await context?.params) ?? {}) as P;
    return handler({ request, user, params });
  });
  return (request: Request, context?: RouteContext<P>): Promise<Response> => route(request, context);
}
