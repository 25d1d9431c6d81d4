import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { chatListRequest, chooseChatList, type ChatListChoice } from "@/components/inbox/chat-list-request";
import { InboxShell } from "@/components/inbox/inbox-shell";
import { inboxMessages } from "@/components/inbox/messages";
import { NoAccount } from "@/components/inbox/no-account";
import type { RenderedChatList } from "@/components/inbox/use-chat-list";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { resolveCurrentAccount } from "@/lib/accounts/resolve-current-account";
import { getPageUser } from "@/lib/auth/get-page-user";
import { listCachedChats } from "@/lib/chats/list-cached-chats";
import { getDb } from "@/lib/db/client";
import { REQUEST_SEARCH_HEADER } from "@/lib/http/request-search-header";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { logger } from "@/lib/log/logger";
import { readInboxChoices } from "@/lib/team/inbox-choices";
import { listQueueChats } from "@/lib/team/list-queue-chats";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: inboxMessages[getRequestLocale(await headers())].documentTitle(0) };
}

/**
 * The inbox: the chat list stays mounted here while the agent moves between /inbox and /inbox/<chatId>. Its first
 * page is read here, for the list the agent last chose (a cookie), so the first paint shows chats, not "Loading".
 */
export default async function InboxLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const user = await getPageUser(requestHeaders);
  if (!user) redirect("/sign-in");
  const db = getDb();
  const accounts = await listAccountsForUser(db, user);
  if (accounts.length === 0) return <NoAccount isAdmin={user.role === "ADMIN"} />;
  const choices = readInboxChoices(requestHeaders.get("cookie"));
  const current = resolveCurrentAccount(accounts, new URLSearchParams(requestHeaders.get(REQUEST_SEARCH_HEADER) ?? "").get("account"))!;
  const renderedList = await readFirstPage(current.id, user.id, chooseChatList("buyer", "all", choices));
  return (
    <InboxShell
      userId={user.id}
      accounts={accounts.map((account) => ({ id: account.id, name: account.name, totalUnread: account.totalUnread }))}
      choices={choices}
      renderedList={renderedList}
    >
      {children}
    </InboxShell>
  );
}

/** The list's first page as the browser would fetch it (chat-list-request.ts); null when it cannot be read: the browser then asks. */
async function readFirstPage(accountId: string, userId: string, choice: ChatListChoice): Promise<RenderedChatList | null> {
  const { source, params } = chatListRequest(choice, null);
  const query = Object.fromEntries(params);
  try {
    const page = source === "chats" ? await listCachedChats(getDb(), accountId, query) : await listQueueChats(getDb(), accountId, userId, query as never);
    return { accountId, choice, page, readAt: Date.now() };
  } catch (error) {
    logger.warn(`The inbox's first page was not rendered: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return null;
  }
}
