import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { buildAuthOptions } from "@/lib/auth/auth-options";
import { endSession } from "@/lib/auth/end-session";
import type { SessionClaims } from "@/lib/auth/load-session-user";
import { getDb } from "@/lib/db/client";
import { publishAccessChange } from "@/lib/live/publish-access-change";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth 4's App Router handler, given its options per request (see buildAuthOptions). Signing out ends the
// session on the server (lib/auth/end-session.ts) and the user's open live streams, so other tabs notice at once.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const db = getDb();
  const options = buildAuthOptions(db);
  options.events = {
    async signOut({ token }) {
      const userId = await endSession(db, token as SessionClaims | null);
      if (userId) await publishAccessChange(db, userId);
    },
  };
  return NextAuth(request, context, options);
}

export { handler as GET, handler as POST };
