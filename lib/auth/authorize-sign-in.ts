import type { Db } from "@/lib/db/client";
import { makeTextStorable } from "@/lib/text/make-text-storable";
import { AppError } from "@/lib/errors/app-error";
import { assertSignInAllowed } from "./assert-sign-in-allowed";
import { hashPassword } from "./hash-password";
import { recordSignInAttempt } from "./record-sign-in-attempt";
import { verifyPassword } from "./verify-password";

/** What a successful sign-in puts into the session token. */
export type SignInUser = { id: string; email: string; name: string; sessionVersion: number };

export type SignInInput = { email?: unknown; password?: unknown; address: string };

// Verifying against a real hash when the email is unknown keeps the answer's timing from telling which emails exist.
let decoyHash: Promise<string> | undefined;

/**
 * The Credentials check behind next-auth: null for a wrong email or password (next-auth answers
 * "CredentialsSignin"); an AppError the sign-in page words for a refusal in words (too many attempts,
 * deactivated user). Every failure counts against the email and the address.
 */
export async function authorizeSignIn(db: Db, input: SignInInput): Promise<SignInUser | null> {
  const email = typeof input.email === "string" ? makeTextStorable(input.email.trim().toLowerCase()) : "";
  const password = typeof input.password === "string" ? input.password : "";
  if (!email || !password || email.length > 254 || password.length > 200) return null;

  await assertSignInAllowed(db, { email, address: input.address });

  const user = await db.user.findUnique({ where: { email } });
  decoyHash ??= hashPassword("decoy password that matches no user");
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  const succeeded = Boolean(user && matches && user.active);
  await recordSignInAttempt(db, { email, address: input.address, succeeded });

  if (!user || !matches) return null;
  if (!user.active) {
    throw new AppError("user_deactivated");
  }
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
