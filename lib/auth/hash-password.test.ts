import { describe, expect, it } from "vitest";
import { hashPassword } from "./hash-password";
import { verifyPassword } from "./verify-password";

describe("password hashing", () => {
  it("hashes with argon2id and a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse battery");
  });

  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batter")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("treats a malformed hash as no match instead of failing", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});
