import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretBoxError } from "./secret-box";

const key = new Uint8Array(randomBytes(32));

describe("secret box", () => {
  it("round-trips a secret, including non-ASCII text", () => {
    for (const plain of ["demo-api-key", "", "ключ-🔑-" + "x".repeat(500)]) {
      expect(decryptSecret(encryptSecret(plain, key), key)).toBe(plain);
    }
  });

  it("never repeats a box for the same secret and never contains the plain text", () => {
    const a = encryptSecret("same-secret-value", key);
    const b = encryptSecret("same-secret-value", key);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(a).toString("latin1")).not.toContain("same-secret-value");
    expect(a[0]).toBe(1);
  });

  it("detects any flipped bit", () => {
    const box = encryptSecret("demo-api-key", key);
    for (let index = 1; index < box.length; index++) {
      const tampered = Uint8Array.from(box);
      tampered[index]! ^= 0x01;
      expect(() => decryptSecret(tampered, key), `byte ${index}`).toThrow(SecretBoxError);
    }
  });

  it("refuses a relabelled version, a truncated box and another key", () => {
    const box = encryptSecret("demo-api-key", key);
    const relabelled = Uint8Array.from(box);
    relabelled[0] = 2;
    expect(() => decryptSecret(relabelled, key)).toThrow(SecretBoxError);
    expect(() => decryptSecret(box.subarray(0, 20), key)).toThrow(SecretBoxError);
    expect(() => decryptSecret(box, new Uint8Array(randomBytes(32)))).toThrow(/ENCRYPTION_KEY/);
  });

  it("uses ENCRYPTION_KEY from the environment by default", () => {
    process.env.ENCRYPTION_KEY ??= Buffer.from(key).toString("base64");
    process.env.AUTH_SECRET ??= "x".repeat(32);
    expect(decryptSecret(encryptSecret("from-env"))).toBe("from-env");
  });
});
