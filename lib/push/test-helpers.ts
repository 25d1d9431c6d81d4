import type { Db } from "@/lib/db/client";
import type { EmulatorControl } from "@/emulator/testing";
import type { PushChatEvent } from "./parse-push-payload";
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
