import { NoChatSelected } from "@/components/inbox/no-chat-selected";

export const dynamic = "force-dynamic";

/** /inbox?account=: the list (in the layout) and, until a chat is chosen, a hint. */
export default function InboxPage() {
  return <NoChatSelected />;
}
