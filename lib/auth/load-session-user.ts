import type { Db } from "@/lib/db/client";

export type SessionUser = { id: string; email: string; name: string; role: "ADMIN" | "AGENT" };

/** The claims our jwt callback writes next to next-auth's own (`sub` is the user id). */
export type SessionClaims = { sub?: unknown; sessionVersion?: unknown };

/** The user a token's claims name, when that user may still use the session. */
export async function loadSessionUser(db: Db, claims: SessionClaims | null): Promise<SessionUser | null> {
  if (!claims || typeof claims.sub !== "string" || typeof claims.sessionVersion !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: claims.sub },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
