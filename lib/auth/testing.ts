/**
 * Test helpers for anything behind sign-in (routes, wrappers):
 *
 *   import { createTestUser, requestAs, useTestDatabaseInRoutes } from "@/lib/auth/testing";
 *
 *   forEachDatabase("chats route", (db) => {
 *     useTestDatabaseInRoutes(db); // route handlers' getDb() answers with this test database
 *     it("lists chats", async () => {
 *       const agent = await createTestUser(db, { accountIds: [account.id] });
 *       const response = await GET(requestAs(agent, `/api/accounts/${account.id}/chats`), { params: Promise.resolve({ accountId: account.id }) });
 *     });
 *   });
 *
 * Importing this module also gives the test process the two secrets the app refuses to start without
 * (AUTH_SECRET, ENCRYPTION_KEY) when the environment has none: fixed test values, never used outside tests.
 */
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db/client";
import type { TestDatabase } from "@/lib/db/testing";
import { getEnv } from "@/lib/env";
import { hashPassword } from "./hash-password";

process.env.AUTH_SECRET ||= "test-only-auth-secret-0123456789abcdef";
process.env.ENCRYPTION_KEY ||= "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

export const TEST_PASSWORD = "test-password-123";

export type TestUser = {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "AGENT";
  sessionVersion: number;
  /** The user's password in plain text (tests sign in with it). */
  password: string;
};

export type CreateTestUserOptions = {
  role?: "ADMIN" | "AGENT";
  email?: string;
  name?: string;
  password?: string;
  active?: boolean;
  /** Seller accounts the user may work (memberships). Admins work every account anyway. */
  accountIds?: string[];
};

function prismaOf(db: Db | TestDatabase): Db {
  return "prisma" in db && typeof (db as TestDatabase).reset === "function" ? (db as TestDatabase).prisma : (db as Db);
}

let counter = 0;
let defaultHash: Promise<string> | undefined;

/** A user in the database (an AGENT unless `role` says otherwise), with memberships for `accountIds`. */
export async function createTestUser(db: Db | TestDatabase, options: CreateTestUserOptions = {}): Promise<TestUser> {
  const prisma = prismaOf(db);
  counter += 1;
  const role = options.role ?? "AGENT";
  const email = (options.email ?? `${role.toLowerCase()}-${counter}-${Date.now()}@test.local`).toLowerCase();
  const password = options.password ?? TEST_PASSWORD;
  const passwordHash = options.password ? await hashPassword(password) : await (defaultHash ??= hashPassword(TEST_PASSWORD));
  const user = await prisma.user.create({
    data: {
      email,
      name: options.name ?? `Test ${role === "ADMIN" ? "Admin" : "Agent"} ${counter}`,
      passwordHash,
      role,
      active: options.active ?? true,
      memberships: options.accountIds?.length ? { create: options.accountIds.map((accountId) => ({ accountId })) } : undefined,
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, password };
}

/**
 * A Cookie header value carrying a valid session token for the user, as next-auth would set it after sign-in.
 * It carries the version given (default: the user's when created), so a bumped sessionVersion invalidates it.
 */
export async function sessionCookieFor(
  user: { id: string; email?: string; name?: string; sessionVersion?: number },
  options: { secret?: string } = {},
): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion ?? 0 },
    secret: options.secret ?? getEnv().AUTH_SECRET,
  });
  return `next-auth.session-token=${token}`;
}

/** A Request as the user's browser would send it (a relative URL is resolved against http://localhost). */
export async function requestAs(user: Parameters<typeof sessionCookieFor>[0], url: string, init: RequestInit = {}): Promise<Request> {
  const headers = new Headers(init.headers);
  const cookie = await sessionCookieFor(user);
  headers.set("cookie", headers.has("cookie") ? `${headers.get("cookie")}; ${cookie}` : cookie);
  return new Request(new URL(url, "http://localhost"), { ...init, headers });
}

type DbCache = { db?: { config: unknown; prisma: Db; migrate(): Promise<{ applied: string[] }>; close(): Promise<void> }; prepared?: Promise<Db> };

/**
 * Makes getDb() (used by route handlers and wrappers) answer with the test database for the enclosing describe
 * block. It swaps the process cache of lib/db/client.ts; call it inside forEachDatabase's block.
 */
export function useTestDatabaseInRoutes(db: TestDatabase): void {
  // lib/db/client.ts keeps a reference to this object, so it is changed in place, never replaced.
  const cache: DbCache = ((globalThis as { __sellerInboxDb?: DbCache }).__sellerInboxDb ??= {});
  let saved: DbCache = {};
  beforeAll(() => {
    saved = { db: cache.db, prepared: cache.prepared };
    cache.db = {
      config: { kind: db.kind },
      get prisma() {
        return db.prisma;
      },
      migrate: async () => ({ applied: [] }),
      close: async () => {},
    };
    cache.prepared = Promise.resolve(db.prisma);
  });
  afterAll(() => {
    cache.db = saved.db;
    cache.prepared = saved.prepared;
  });
}
