import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/lib/db/client";
import type { EmulatorControl } from "@/emulator/testing";
import type { PushChatEvent } from "./parse-push-payload";
import { installPushReceiver } from "./install-push-receiver";
import { pushDedupeKey } from "./push-dedupe-key";

/**
 * The buyer writes at the emulator, and the receiver's queue gets Ozon's push for it, as if it had arrived: for tests
 * that drive push processing without the HTTP receiver.
 */
export async function queueBuyerMessagePush(
  db: Db,
  control: EmulatorControl,
  input: { accountId: string; chatId: string; text: string; state?: "PENDING" | "PROCESSING"; claimedUntil?: Date | null },
) {
  const ref = await control.buyerMessage({ chat_id: input.chatId, text: input.text });
  const sent = (await control.state()).chats.find((c) => c.chat_id === ref.chat_id)!.messages.find((m) => m.message_id === ref.message_id)!;
  const event: PushChatEvent = {
    message_type: "TYPE_NEW_MESSAGE",
    chat_id: ref.chat_id,
    chat_type: "Buyer_Seller",
    message_id: ref.message_id,
    created_at: sent.created_at,
    user: sent.user,
    data: sent.data,
  };
  await db.pushEvent.create({
    data: {
      accountId: input.accountId,
      dedupeKey: pushDedupeKey(event),
      messageType: event.message_type,
      payload: event,
      state: input.state ?? "PENDING",
      claimedUntil: input.claimedUntil ?? null,
    },
  });
  return { ref, sent };
}

export type ServedPushReceiver = {
  url: string;
  /** The requests that went on to the server's own handler (Next's, in the app): method and path. */
  passedOn: string[];
  close(): Promise<void>;
};

/**
 * A Node HTTP server on 127.0.0.1 (a free port) with the app's push receiver installed (install-push-receiver.ts),
 * as `next start` runs it; every other request reaches a stand-in for Next's handler that answers 404 and is
 * recorded. For tests where something outside the test's call stack — the emulator — pushes over real HTTP.
 */
export async function servePushReceiver(): Promise<ServedPushReceiver> {
  installPushReceiver();
  const passedOn: string[] = [];
  const server = http.createServer((req, res) => {
    passedOn.push(`${req.method} ${req.url}`);
    req.resume().on("end", () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    passedOn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
