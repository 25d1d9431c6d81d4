import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { buildAuthOptions } from "@/lib/auth/auth-options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth 4's App Router handler, given its options per request (see buildAuthOptions).
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, buildAuthOptions());
}

export { handler as GET, handler as POST };
