import "server-only";
import type { AuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb, type Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { authorizeSignIn, type SignInUser } from "./authorize-sign-in";
import { getClientAddress } from "./get-client-address";
import { loadSessionUser, type SessionClaims } from "./load-session-user";
import { safeRedirectPath } from "./safe-redirect-path";
import { signInErrorCode } from "./sign-in-error-code";

/** A working day's sessions survive a browser restart for a week; revocation does not wait for this (sessionVersion). */
const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

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
function trustRequestOriginUnlessConfigured(nextAuthUrl: string | undefined): void {
  // next-auth reads this from process.env itself: a setting handed to a library, not configuration read here.
  // eslint-disable-next-line no-restricted-properties
  if (!nextAuthUrl) process.env.AUTH_TRUST_HOST ??= "true";
}

/**
 * next-auth's configuration: email + password (Credentials), JWT sessions in an http-only cookie carrying the user
 * id (`sub`) and the user's sessionVersion. Built per request so that nothing reads the environment at build time.
 */
export function buildAuthOptions(db: Db = getDb()): AuthOptions {
  const env = getEnv();
  trustRequestOriginUnlessConfigured(env.NEXTAUTH_URL);
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
            // next-auth hands a thrown message to the sign-in page (`error`): only a code, which the page words.
            if (!(error instanceof AppError)) {
              logger.error({ err: error }, "Sign-in failed unexpectedly");
            }
            throw new Error(signInErrorCode(error));
          }
        },
      }),
    ],
    callbacks: {
      // Every redirect next-auth makes (callbackUrl after sign-in or sign-out) stays on this origin.
      redirect({ url, baseUrl }) {
        return `${new URL(baseUrl).origin}${safeRedirectPath(url, baseUrl)}`;
      },
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
        logger.error({ code, err: error instanceof Error ? error : undefined }, `next-auth: ${code}${error instanceof Error ? "" : " (see next-auth's documentation for this code)"}`);
      },
      warn(code) {
        logger.warn({ code }, `next-auth: warning ${code}`);
      },
      debug() {},
    },
  };
}
