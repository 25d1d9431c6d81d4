import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { getSessionUser } from "./get-session-user";
import { createTestUser, requestAs, sessionCookieFor } from "./testing";

function withCookie(cookie: string): Request {
  return new Request("http://localhost/api/accounts", { headers: { cookie } });
}

forEachDatabase("getSessionUser", (db) => {
  beforeEach(() => db.reset());

  it("returns the signed-in user for a valid session", async () => {
    const agent = await createTestUser(db, { name: "Anna" });
    expect(await getSessionUser(await requestAs(agent, "/api/accounts"), db.prisma)).toEqual({
      id: agent.id,
      email: agent.email,
      name: "Anna",
      role: "AGENT",
    });
  });

  it("reads the __Secure- cookie of an https deployment, and a chunked cookie", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const token = (await sessionCookieFor(admin)).split("=")[1]!;
    expect((await getSessionUser(withCookie(`other=1; __Secure-next-auth.session-token=${token}`), db.prisma))?.role).toBe("ADMIN");
    const half = Math.floor(token.length / 2);
    const chunked = `next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`;
    expect((await getSessionUser(withCookie(chunked), db.prisma))?.id).toBe(admin.id);
  });

  it("returns null without a cookie, for garbage, and for a token made with another secret", async () => {
    const agent = await createTestUser(db);
    expect(await getSessionUser(new Request("http://localhost/"), db.prisma)).toBeNull();
    expect(await getSessionUser(withCookie("next-auth.session-token=garbage"), db.prisma)).toBeNull();
    const forged = await sessionCookieFor(agent, { secret: "another-secret-another-secret-another" });
    expect(await getSessionUser(withCookie(forged), db.prisma)).toBeNull();
  });

  it("returns null for a token without our claims", async () => {
    const agent = await createTestUser(db);
    const token = await encode({ token: { sub: agent.id }, secret: process.env.AUTH_SECRET! });
    expect(await getSessionUser(withCookie(`next-auth.session-token=${token}`), db.prisma)).toBeNull();
  });

  it("ends the session of a deactivated user at once", async () => {
    const agent = await createTestUser(db);
    const request = await requestAs(agent, "/api/accounts");
    expect(await getSessionUser(request, db.prisma)).not.toBeNull();
    await db.prisma.user.update({ where: { id: agent.id }, data: { active: false } });
    expect(await getSessionUser(request, db.prisma)).toBeNull();
  });

  it("ends sessions issued before a sessionVersion bump (password reset)", async () => {
    const agent = await createTestUser(db);
    const before = await requestAs(agent, "/api/accounts");
    await db.prisma.user.update({ where: { id: agent.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getSessionUser(before, db.prisma)).toBeNull();
    const after = await requestAs({ ...agent, sessionVersion: agent.sessionVersion + 1 }, "/api/accounts");
    expect((await getSessionUser(after, db.prisma))?.id).toBe(agent.id);
  });

  it("returns null for a deleted user", async () => {
    const agent = await createTestUser(db);
    const request = await requestAs(agent, "/api/accounts");
    await db.prisma.user.delete({ where: { id: agent.id } });
    expect(await getSessionUser(request, db.prisma)).toBeNull();
  });
});

describe("session cookie reader", () => {
  it("ignores cookies whose names merely contain the session cookie's", async () => {
    const request = withCookie("xnext-auth.session-token=abc");
    const { readSessionToken } = await import("./session-cookie");
    expect(readSessionToken(request)).toBeNull();
  });
});
