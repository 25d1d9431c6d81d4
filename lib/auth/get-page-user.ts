import { getSessionUser, type SessionUser } from "./get-session-user";

/**
 * The signed-in user of a page render. Pages get the request's headers, not the request; the session check is
 * the same one every route handler makes.
 */
export function getPageUser(headers: Headers): Promise<SessionUser | null> {
  return getSessionUser(new Request("http://page.local/", { headers }));
}
