import type { MessageView } from "@/lib/cache/message-view";
import type { InboxStrings } from "./messages";

/** Who wrote a message, in words: the buyer; us (with the agent when sent from the inbox); Ozon. */
export function authorLabel(t: InboxStrings, message: Pick<MessageView, "authorType" | "sentBy">): string {
  switch (message.authorType) {
    case "customer":
      return t.authorBuyer;
    case "seller":
      return message.sentBy ? t.authorUsAgent(message.sentBy.name) : t.authorUs;
    case "support":
    case "crm":
      return t.authorSupport;
    case "notification":
      return t.authorNotification;
    case "buyer_other":
      return t.authorOtherBuyer;
    case "courier":
      return t.authorCourier;
    default:
      return t.authorSystem;
  }
}
