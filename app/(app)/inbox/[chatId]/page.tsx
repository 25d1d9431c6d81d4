import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { Thread } from "@/components/inbox/thread";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { resolveCurrentAccount } from "@/lib/accounts/resolve-current-account";
import { getPageUser } from "@/lib/auth/get-page-user";
import { toChatView } from "@/lib/cache/chat-view";
import { findAccountChat } from "@/lib/chats/find-account-chat";
import { listCachedMessages } from "@/lib/chats/list-cached-messages";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ chatId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /inbox/<chatId>?account=: one chat, linkable and reloadable. A chat of an account the user may not work is
 * not found, like a chat that does not exist; a link without ?account finds the chat among the user's accounts.
 */
export default async function ChatPage({ params, searchParams }: Props) {
  const db = getDb();
  const user = await getPageUser(await headers());
  if (!user) redirect("/sign-in");
  const { chatId } = await params;
  const query = await searchParams;
  const requested = query.account;
  // ?message=<Ozon message id>: open the chat at that message (a search result).
  const around = typeof query.message === "string" && /^\d{1,20}$/.test(query.message) ? query.message : null;
  const accounts = await listAccountsForUser(db, user);
  const account = resolveCurrentAccount(accounts, typeof requested === "string" ? requested : undefined);
  if (!account) notFound();

  const chat = await findAccountChat(db, account.id, chatId).catch(() => null);
  if (!chat) {
    for (const other of accounts) {
      if (other.id === account.id) continue;
      const found = await findAccountChat(db, other.id, chatId).catch(() => null);
      if (found) redirect(`/inbox/${encodeURIComponent(chatId)}?account=${encodeURIComponent(other.id)}`);
    }
    notFound();
  }
  const renderedMessages = around === null ? await readCachedMessages(account.id, chat.id) : null;
  return (
    <Thread
      key={`${chat.id} ${around ?? ""}`}
      accountId={account.id}
      initialChat={toChatView(chat)}
      userId={user.id}
      around={around}
      renderedMessages={renderedMessages}
    />
  );
}

/**
 * The chat's newest messages for the first paint, when the cache alone holds them: rendering never waits on Ozon
 * (a chat whose cache is short leaves its first page to the browser, whose request may ask Ozon for older messages).
 */
async function readCachedMessages(accountId: string, chatId: string) {
  try {
    const page = await listCachedMessages(getDb(), () => Promise.reject(new Error("not while rendering")), { accountId, chatId }, {});
    return { chatId, page, readAt: Date.now() };
  } catch {
    return null;
  }
}
