import "server-only";
import { verify } from "@node-rs/argon2";

/** Whether `password` matches a hash from hashPassword. A malformed hash counts as no match, never as an error. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
