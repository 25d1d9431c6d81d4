import type { CredentialsConfig } from "next-auth/providers/credentials";
import { beforeEach, expect, it, vi } from "vitest";
import { forEachDatabase, type TestDatabase } from "@/lib/db/testing";
import { assertSignInAllowed } from "./assert-sign-in-allowed";
import { buildAuthOptions } from "./auth-options";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, SIGN_IN_WINDOW_MS } from "./sign-in-limits";
import { createTestUser, TEST_PASSWORD } from "./testing";

/** The authorize function next-auth's Credentials provider calls, as configured by buildAuthOptions. */
function authorizeOf(db: TestDatabase) {
  const provider = buildAuthOptions(db.prisma).providers[0] as unknown as { options: CredentialsConfig };
  return (email: string, password: string, address = "198.51.100.7") =>
    provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": `${address}, 10.0.0.1` }, body: {}, query: {}, method: "POST" });
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
    expect(await db.prisma.signInAttempt.count({ where: { succeeded: true } })).toBe(2);
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
    expect(await refusal(authorizeOf(db)("gone@shop.test", TEST_PASSWORD))).toMatch(/deactivated/);
  });

  it(`locks an email after ${MAX_FAILURES_PER_EMAIL} failures, even with the right password, and says when to retry`, async () => {
    await createTestUser(db, { email: "anna@shop.test" });
    const authorize = authorizeOf(db);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      // Different addresses: only the per-email limit can be the cause.
      expect(await authorize("anna@shop.test", "wrong-password", `203.0.113.${i}`)).toBeNull();
    }
    const message = await refusal(authorize("anna@shop.test", TEST_PASSWORD, "203.0.113.99"));
    expect(message).toBe("Too many failed sign-in attempts for this email. Try again in 15 minutes.");
    // Another email from the same addresses is not affected.
    await createTestUser(db, { email: "boris@shop.test" });
    expect(await authorize("boris@shop.test", TEST_PASSWORD, "203.0.113.1")).not.toBeNull();
  });

  it(`locks an address after ${MAX_FAILURES_PER_ADDRESS} failures over any emails`, async () => {
    await createTestUser(db, { email: "anna@shop.test" });
    const authorize = authorizeOf(db);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect(await authorize(`guess-${i}@shop.test`, "wrong-password", "198.51.100.50")).toBeNull();
    }
    expect(await refusal(authorize("anna@shop.test", TEST_PASSWORD, "198.51.100.50"))).toMatch(
      /^Too many failed sign-in attempts from this network address\. Try again in \d+ minutes?\.$/,
    );
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
    const input = { email: "anna@shop.test", address: "198.51.100.7" };
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

  it("hides an unexpected failure behind words", async () => {
    await db.prisma.$executeRawUnsafe("ALTER TABLE sign_in_attempts RENAME TO sign_in_attempts_gone");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const message = await refusal(authorizeOf(db)("anna@shop.test", TEST_PASSWORD));
      expect(message).toMatch(/^Signing in is not possible right now/);
      expect(message).not.toMatch(/sign_in_attempts/);
      expect(log).toHaveBeenCalledWith("Sign-in failed unexpectedly:", expect.stringContaining("sign_in_attempts"));
      expect(JSON.stringify(log.mock.calls)).not.toContain(TEST_PASSWORD);
    } finally {
      log.mockRestore();
      await db.prisma.$executeRawUnsafe("ALTER TABLE sign_in_attempts_gone RENAME TO sign_in_attempts");
    }
  });
});
