import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEncryptionKey } from "./get-encryption-key";

/**
 * A sealed secret: [version 1 byte][nonce 12 bytes][AES-256-GCM ciphertext][tag 16 bytes]. The version byte is
 * authenticated too (as associated data), so a future layout or key rotation can tell boxes apart and nobody can
 * relabel one.
 */
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

/** Encrypts a secret under ENCRYPTION_KEY (a fresh random nonce every call). */
export function encryptSecret(plain: string, key: Uint8Array = getEncryptionKey()): Uint8Array<ArrayBuffer> {
  const nonce = randomBytes(NONCE_BYTES);
  const header = Uint8Array.of(VERSION);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([header, nonce, body, cipher.getAuthTag()]));
}

/**
 * Opens a box from encryptSecret. Throws SecretBoxError when the box was altered, is truncated, or was sealed
 * under another key (e.g. ENCRYPTION_KEY changed): the message says so without showing any of the bytes.
 */
export function decryptSecret(box: Uint8Array, key: Uint8Array = getEncryptionKey()): string {
  if (box.length < 1 + NONCE_BYTES + TAG_BYTES || box[0] !== VERSION) {
    throw new SecretBoxError("A stored secret is damaged or in an unknown format.");
  }
  const bytes = Buffer.from(box);
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(bytes.subarray(0, 1));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("A stored secret cannot be decrypted: it was altered, or ENCRYPTION_KEY is not the key it was stored with.");
  }
}
