/**
 * Test-only helpers for lib/chats and the account routes: an account for the emulator's demo seller, a cache filled
 * from it, route calls. (The emulator itself: withEmulator from lib/testing/with-emulator.ts.)
 */
// Gives the process the test secrets (ENCRYPTION_KEY, AUTH_SECRET) before anything reads the environment.
import "@/lib/auth/testing";
import { expect } from "vitest";
import { DEMO } from "@/emulator/testing";
import { requestAs } from "@/lib/auth/testing";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import type { TestDatabase } from "@/lib/db/testing";
import { getChatHistory, listAllChats, type OzonConnection } from "@/lib/ozon";
import { storeChatSummaries } from "@/lib/cache/store-chat-summaries";
import { storeMessages } from "@/lib/cache/store-messages";

/** A seller account for the emulator's demo shop, its key encrypted as the app stores it. */
export async function createEmulatorAccount(db: Db, name = "Домашний уют"): Promise<string> {
  const account = await db.sellerAccount.create({
    data: { name, clientId: DEMO.clientId, apiKeyCiphertext: new Uint8Array(encryptSecret(DEMO.apiKey)), apiKeyLast4: DEMO.apiKey.slice(-4) },
  });
  return account.id;
}

/** What a sync does, minimally: every chat, and (optionally) the newest page of each chat's messages. */
export async function cacheFromOzon(
  db: Db,
  connection: OzonConnection,
  accountId: string,
  options: { messages?: boolean } = {},
): Promise<void> {
  const { chats } = await listAllChats(connection);
  const { chatIds } = await storeChatSummaries(db, accountId, chats);
  if (!options.messages) return;
  for (const chat of chats) {
    const history = await getChatHistory(connection, { chatId: chat.chatId, limit: 50 });
    await storeMessages(db, { id: chatIds.get(chat.chatId)! }, history.messages);
  }
}

/**
 * The start of most chats tests: an empty database, then an account for the emulator's demo seller with its chats
 * cached (and with `messages`, each chat's newest page of messages). Returns the account's id.
 */
export async function resetToCachedDemoAccount(db: TestDatabase, connection: OzonConnection, options: { messages?: boolean } = {}): Promise<string> {
  await db.reset();
  const accountId = await createEmulatorAccount(db.prisma);
  await cacheFromOzon(db.prisma, connection, accountId, options);
  return accountId;
}

export type RouteAnswer<T = Record<string, unknown>> = { status: number; body: T; text: string };

/**
 * Calls an exported route handler as Next would, as `user` (null: without a session), and returns the status and
 * the parsed body. Every answer is checked for the Api-Key: secrets stay on the server, error or not.
 */
export async function callRoute<T = Record<string, unknown>>(
  // `never`: any route's own params type accepts it, whatever its segments.
  handler: (request: Request, context: { params: Promise<never> }) => Promise<Response>,
  user: Parameters<typeof requestAs>[0] | null,
  url: string,
  params: Record<string, string>,
  init: RequestInit = {},
): Promise<RouteAnswer<T>> {
  const request = user ? await requestAs(user, url, init) : new Request(new URL(url, "http://localhost"), init);
  const response = await handler(request, { params: Promise.resolve(params) as Promise<never> });
  const text = await response.text();
  expect(text).not.toContain(DEMO.apiKey);
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, text };
}

export function jsonInit(body: unknown): RequestInit {
  return { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) };
}
