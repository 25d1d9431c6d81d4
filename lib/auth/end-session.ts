import type { Db } from "@/lib/db/client";
import type { SessionClaims } from "./load-session-user";

/**
 * Sign-out on the server: the user's sessionVersion moves on, so the signed-out cookie (and any copy of it) is
 * refused by every route and stream from now on (loadSessionUser). This ends the user's other sessions too (other
 * browsers, other devices): sessions are stateless JWTs with one version per user, and a per-session deny list would
 * cost a table and a read per request for little gain in a team inbox. Only a token still on the current version
 * moves it (signing out with an already-ended cookie ends nothing else). Returns the user id whose sessions ended.
 */
export async function endSession(db: Db, claims: SessionClaims | null | undefined): Promise<string | null> {
  if (!claims || typeof claims.sub !== "string" || typeof claims.sessionVersion !== "number") return null;
  const ended = await db.user.updateMany({
    where: { id: claims.sub, sessionVersion: claims.sessionVersion },
    data: { sessionVersion: { increment: 1 } },
  });
  return ended.count > 0 ? claims.sub : null;
}
