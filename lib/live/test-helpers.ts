/** Test-only: an account with one chat and a buyer message, directly in the database (no emulator needed). */
import type { Db } from "@/lib/db/client";

let counter = 0;

export async function createLiveTestChat(
  db: Db,
  options: { accountId?: string; lastMessageAt?: Date; unreadCount?: number } = {},
): Promise<{ accountId: string; chatId: string; messageId: bigint }> {
  counter += 1;
  const accountId =
    options.accountId ??
    (
      await db.sellerAccount.create({
        data: {
          name: `Live ${counter}`,
          clientId: `live-${counter}-${Date.now()}`,
          apiKeyCiphertext: new Uint8Array([1, 2, 3]),
          apiKeyLast4: "0000",
          syncState: { create: { phase: "INCREMENTAL", chatsTotal: 3, chatsDone: 3 } },
        },
      })
    ).id;
  const at = options.lastMessageAt ?? new Date();
  const messageId = 9_000_000_000_000_000_000n + BigInt(counter);
  const chat = await db.chat.create({
    data: {
      accountId,
      ozonChatId: `chat-${counter}`,
      type: "buyer_seller",
      isBuyerChat: true,
      createdAt: at,
      unreadCount: options.unreadCount ?? 1,
      lastMessageId: messageId,
      lastMessageAt: at,
      lastMessagePreview: "Где мой заказ?",
      lastMessageAuthor: "customer",
      messages: {
        create: { ozonMessageId: messageId, authorType: "customer", authorId: "buyer-1", text: "Где мой заказ?", createdAt: at },
      },
    },
  });
  return { accountId, chatId: chat.id, messageId };
}

/** Collects a bus's events; `next(n)` waits (bounded) until n have arrived. */
export function collectEvents<T>() {
  const events: T[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  return {
    events,
    push(event: T) {
      events.push(event);
      for (const waiter of [...waiters]) if (events.length >= waiter.n) waiter.resolve();
    },
    until(n: number, timeoutMs = 5_000): Promise<T[]> {
      if (events.length >= n) return Promise.resolve(events);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${n} events arrived`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve(events)) });
      });
    },
  };
}

export type SseFrame = { id?: string; event?: string; data?: string; retry?: string; comment?: string };

/**
 * Reads a server-sent event stream frame by frame, as a browser would parse it. `next()` waits (bounded) for the
 * next frame and answers null when the stream has ended.
 */
export function readSse(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  const parse = (block: string): SseFrame => {
    const frame: SseFrame = {};
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) frame.comment = line.slice(1).trim();
      else {
        const at = line.indexOf(":");
        const field = line.slice(0, at) as keyof SseFrame;
        frame[field] = line.slice(at + 1).replace(/^ /, "");
      }
    }
    return frame;
  };
  async function next(timeoutMs = 5_000): Promise<SseFrame | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parse(block);
      }
      if (ended) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no SSE frame within ${timeoutMs} ms (buffered: ${JSON.stringify(buffer)})`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no SSE frame within ${timeoutMs} ms`)), left))),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) ended = true;
      else buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  /** The next frame that is an event (not a comment or the retry line). */
  async function nextEvent(timeoutMs?: number): Promise<SseFrame | null> {
    for (;;) {
      const frame = await next(timeoutMs);
      if (frame === null || frame.event !== undefined) return frame;
    }
  }
  return { next, nextEvent, cancel: () => reader.cancel().catch(() => {}) };
}
