import type { AuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb, type Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { authorizeSignIn, type SignInUser } from "./authorize-sign-in";
import { getClientAddress } from "./get-client-address";
import { loadSessionUser, type SessionClaims } from "./load-session-user";

/** A working day's sessions survive a browser restart for a week; revocation does not wait for this (sessionVersion). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

const UNAVAILABLE = "Signing in is not possible right now. Try again in a minute; if it keeps happening, tell your administrator.";

/** Thrown by the session callback for a revoked session: next-auth then clears the cookie and answers "no session". */
class SessionEndedError extends Error {
  constructor() {
    super("The session has ended (user deactivated or password reset).");
    this.name = "SessionEndedError";
  }
}

/**
 * next-auth 4 decides the app's own URL (for redirects and for whether cookies are `Secure`) from NEXTAUTH_URL and,
 * only when AUTH_TRUST_HOST is set, from the request's (x-forwarded-)host and x-forwarded-proto, which `next start`
 * fills in itself. Without either it assumes http://localhost:3000. A self-hosted inbox is opened as
 * http://localhost:<PORT>, http://127.0.0.1:<PORT> or its server's name, so unless NEXTAUTH_URL pins one URL we use
 * the address the browser used. The Host header is the client's, but it only shapes that client's own redirects.
 */
function trustRequestOriginUnlessConfigured(): void {
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
}

/**
 * next-auth's configuration: email + password (Credentials), JWT sessions in an http-only cookie carrying the user
 * id (`sub`) and the user's sessionVersion. Built per request so that nothing reads the environment at build time.
 */
export function buildAuthOptions(db: Db = getDb()): AuthOptions {
  const env = getEnv();
  trustRequestOriginUnlessConfigured();
  return {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          try {
            return await authorizeSignIn(db, {
              email: credentials?.email,
              password: credentials?.password,
              address: getClientAddress(request?.headers),
            });
          } catch (error) {
            // next-auth hands a thrown message to the sign-in page (`error`), so only our own words may pass.
            if (error instanceof ApiError) throw new Error(error.message);
            console.error("Sign-in failed unexpectedly:", error instanceof Error ? error.message : String(error));
            throw new Error(UNAVAILABLE);
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sessionVersion = (user as SignInUser).sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        const user = await loadSessionUser(db, token as SessionClaims);
        if (!user) throw new SessionEndedError();
        return { ...session, user: { id: user.id, name: user.name, email: user.email, role: user.role } } as Session;
      },
    },
    logger: {
      error(code, metadata) {
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        if (error instanceof SessionEndedError) return;
        console.error(`[next-auth] ${code}: ${error instanceof Error ? error.message : "see next-auth's documentation for this code"}`);
      },
      warn(code) {
        console.warn(`[next-auth] warning ${code}`);
      },
      debug() {},
    },
  };
}
