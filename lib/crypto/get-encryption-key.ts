import "server-only";
import { decodeEncryptionKey, getEnv } from "@/lib/env";

/** The 32-byte key under which stored secrets (Ozon Api-Keys) are encrypted, from ENCRYPTION_KEY. */
export function getEncryptionKey(): Uint8Array {
  const key = decodeEncryptionKey(getEnv().ENCRYPTION_KEY);
  // getEnv() has already refused a malformed key; this only satisfies the type.
  if (!key) throw new Error("ENCRYPTION_KEY is not 32 bytes.");
  return key;
}
