import "server-only";
import { decode } from "next-auth/jwt";
import { getDb, type Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { loadSessionUser, type SessionClaims, type SessionUser } from "./load-session-user";
import { readSessionToken } from "./session-cookie";

export type { SessionUser };

/**
 * The signed-in user of a request, or null. Reads the session cookie from the request itself (not next/headers, so
 * route handlers can be tested by calling them), then checks the database: the user must exist, be active, and
 * still be on the session version the token was issued with — deactivation and password resets end sessions at once.
 */
export async function getSessionUser(request: Request, db: Db = getDb()): Promise<SessionUser | null> {
  return loadSessionUser(db, await readSessionClaims(request));
}

/**
 * What the request's session token claims, checked only for its signature and expiry; null without a valid token.
 * Not a signed-in user yet: loadSessionUser decides that (routes read other rows beside it, in parallel).
 */
export async function readSessionClaims(request: Request): Promise<SessionClaims | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  try {
    return (await decode({ token, secret: getEnv().AUTH_SECRET })) as SessionClaims | null;
  } catch {
    // Another secret, an expired or a forged token: simply not signed in.
    return null;
  }
}
