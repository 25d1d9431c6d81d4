import type { CredentialsConfig } from "next-auth/providers/credentials";
import { beforeEach, expect, it } from "vitest";
import { forEachDatabase, type TestDatabase } from "@/lib/db/testing";
import { captureLogLines } from "@/lib/log/testing";
import { PEER_ADDRESS_HEADER } from "@/lib/net/peer-address-header";
import { assertSignInAllowed } from "./assert-sign-in-allowed";
import { buildAuthOptions } from "./auth-options";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, SIGN_IN_WINDOW_MS } from "./sign-in-limits";
import { createTestUser, TEST_PASSWORD } from "./testing";

/** The authorize function next-auth's Credentials provider calls, as configured by buildAuthOptions. */
function authorizeOf(db: TestDatabase) {
  const provider = buildAuthOptions(db.prisma).providers[0] as unknown as { options: CredentialsConfig };
  return (email: string, password: string, address = "198.51.100.7") =>
    provider.options.authorize({ email, password }, { headers: { [PEER_ADDRESS_HEADER]: address }, body: {}, query: {}, method: "POST" });
}

async function refusal(promise: unknown): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  return "no refusal";
}

forEachDatabase("sign-in (Credentials authorize)", (db) => {
  beforeEach(() => db.reset());

  it("signs in with the right password, case-insensitively on the email, and records the attempt", async () => {
    const agent = await createTestUser(db, { email: "anna@shop.test" });
    const user = await authorizeOf(db)("  Anna@Shop.TEST ", TEST_PASSWORD);
    expect(user).toEqual({ id: agent.id, email: "anna@shop.test", name: agent.name, sessionVersion: 0 });
    // Under the email, the address, and the address as known for the email.
    expect(await db.prisma.signInAttempt.count({ where: { succeeded: true } })).toBe(3);
  });

  it("answers null for a wrong password, an unknown email and missing fields", async () => {
    await createTestUser(db, { email: "anna@shop.test" });
    const authorize = authorizeOf(db);
    expect(await authorize("anna@shop.test", "wrong-password")).toBeNull();
    expect(await authorize("nobody@shop.test", TEST_PASSWORD)).toBeNull();
    expect(await authorize("", "")).toBeNull();
  });

  it("refuses a deactivated user in words, only to someone who knows the password", async () => {
    await createTestUser(db, { email: "gone@shop.test", active: false });
    expect(await authorizeOf(db)("gone@shop.test", "wrong-password")).toBeNull();
    expect(await refusal(authorizeOf(db)("gone@shop.test", TEST_PASSWORD))).toBe("Deactivated");
  });

  it(`locks an email after ${MAX_FAILURES_PER_EMAIL} failures, even with the right password, and says when to retry`, async () => {
    await createTestUser(db, { email: "anna@shop.test" });
    const authorize = authorizeOf(db);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      // Different addresses: only the per-email limit can be the cause.
      expect(await authorize("anna@shop.test", "wrong-password", `203.0.113.${i}`)).toBeNull();
    }
    const message = await refusal(authorize("anna@shop.test", TEST_PASSWORD, "203.0.113.99"));
    expect(message).toBe("TooManyAttempts_15");
    // Another email from the same addresses is not affected.
    await createTestUser(db, { email: "boris@shop.test" });
    expect(await authorize("boris@shop.test", TEST_PASSWORD, "203.0.113.1")).not.toBeNull();
  });

  it("lets the right password through the email's lock from an address the email signed in from (nobody can lock a colleague out)", async () => {
    await createTestUser(db, { email: "anna@shop.test" });
    const authorize = authorizeOf(db);
    expect(await authorize("anna@shop.test", TEST_PASSWORD, "198.51.100.7")).not.toBeNull(); // Anna's usual address
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect(await authorize("anna@shop.test", "wrong-password", `203.0.113.${i}`)).toBeNull(); // someone else guesses
    }
    // Locked for everyone else, even with the right password...
    expect(await refusal(authorize("anna@shop.test", TEST_PASSWORD, "203.0.113.99"))).toBe("TooManyAttempts_15");
    // ...but Anna, from her known address, signs in; a wrong password there still counts as a failure.
    expect(await authorize("anna@shop.test", "wrong-password", "198.51.100.7")).toBeNull();
    expect(await authorize("anna@shop.test", TEST_PASSWORD, "198.51.100.7")).not.toBeNull();
  });

  it(`locks an address after ${MAX_FAILURES_PER_ADDRESS} failures over any emails`, async () => {
    await createTestUser(db, { email: "anna@shop.test" });
    const authorize = authorizeOf(db);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect(await authorize(`guess-${i}@shop.test`, "wrong-password", "198.51.100.50")).toBeNull();
    }
    expect(await refusal(authorize("anna@shop.test", TEST_PASSWORD, "198.51.100.50"))).toMatch(/^TooManyAttempts_\d+$/);
    expect(await authorize("anna@shop.test", TEST_PASSWORD, "198.51.100.51")).not.toBeNull();
  });

  it("forgets failures once they leave the window, and after a success", async () => {
    await createTestUser(db, { email: "anna@shop.test" });
    const authorize = authorizeOf(db);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await authorize("anna@shop.test", "wrong-password");
    expect(await authorize("anna@shop.test", TEST_PASSWORD)).not.toBeNull();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await authorize("anna@shop.test", "wrong-password");
    expect(await authorize("anna@shop.test", TEST_PASSWORD)).not.toBeNull();

    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await authorize("anna@shop.test", "wrong-password");
    // Checked from another address: the one Anna signed in from passes the email's lock (next test).
    const input = { email: "anna@shop.test", address: "203.0.113.50" };
    await expect(assertSignInAllowed(db.prisma, input)).rejects.toThrow(/Too many/);
    await expect(assertSignInAllowed(db.prisma, input, new Date(Date.now() + SIGN_IN_WINDOW_MS + 1000))).resolves.toBeUndefined();
  });

  it("keeps only the window's attempts in the table", async () => {
    const { recordSignInAttempt } = await import("./record-sign-in-attempt");
    const old = new Date(Date.now() - SIGN_IN_WINDOW_MS - 60_000);
    await recordSignInAttempt(db.prisma, { email: "old@shop.test", address: "192.0.2.9", succeeded: false }, old);
    await recordSignInAttempt(db.prisma, { email: "new@shop.test", address: "192.0.2.10", succeeded: false });
    expect((await db.prisma.signInAttempt.findMany({ orderBy: { key: "asc" } })).map((row) => row.key)).toEqual([
      "email:new@shop.test",
      "ip:192.0.2.10",
    ]);
  });

  it("puts the user id and sessionVersion into the token, and ends a revoked session", async () => {
    const agent = await createTestUser(db);
    const options = buildAuthOptions(db.prisma);
    const user = { id: agent.id, email: agent.email, name: agent.name, sessionVersion: 0 };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const token = await options.callbacks!.jwt!({ token: { sub: "x" }, user, account: null } as any);
    expect(token).toMatchObject({ sub: agent.id, sessionVersion: 0 });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const session = (await options.callbacks!.session!({ session: { expires: "" }, token } as any)) as any;
    expect(session.user).toMatchObject({ id: agent.id, role: "AGENT" });
    await db.prisma.user.update({ where: { id: agent.id }, data: { sessionVersion: 1 } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await expect(options.callbacks!.session!({ session: { expires: "" }, token } as any)).rejects.toThrow(/session has ended/);
  });

  it("hides an unexpected failure behind a code", async () => {
    await db.prisma.$executeRawUnsafe("ALTER TABLE sign_in_attempts RENAME TO sign_in_attempts_gone");
    try {
      let message: string | undefined;
      const lines = await captureLogLines(async () => {
        message = await refusal(authorizeOf(db)("anna@shop.test", TEST_PASSWORD));
      });
      expect(message).toBe("Unavailable");
      expect(message).not.toMatch(/sign_in_attempts/);
      expect(lines).toEqual([expect.objectContaining({ level: "error", msg: "Sign-in failed unexpectedly" })]);
      expect(lines[0]?.err?.message).toContain("sign_in_attempts");
      expect(JSON.stringify(lines)).not.toContain(TEST_PASSWORD);
    } finally {
      await db.prisma.$executeRawUnsafe("ALTER TABLE sign_in_attempts_gone RENAME TO sign_in_attempts");
    }
  });
});
