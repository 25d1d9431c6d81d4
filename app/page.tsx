import { LiveChatList } from "@/components/inbox/live-chat-list";

// The first page: proof that the wire works end to end (browser → our server route → Ozon or its emulator).
// The real inbox, on the cached chats, replaces it in the next issue.
export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <header className="mb-6">
        <h1 className="text-2xl font-semibold">Seller Inbox</h1>
        <p className="mt-1 text-sm text-slate-600">Chats of the connected seller account, read live from Ozon through the server.</p>
      </header>
      <LiveChatList />
    </main>
  );
}
