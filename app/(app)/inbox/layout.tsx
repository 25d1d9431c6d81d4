import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { chatListRequest, chooseChatList, type ChatListChoice } from "@/components/inbox/chat-list-request";
import { InboxShell } from "@/components/inbox/inbox-shell";
import { inboxMessages } from "@/components/inbox/messages";
import { NoAccount } from "@/components/inbox/no-account";
import type { RenderedChatList } from "@/components/inbox/use-chat-list";
import type { RenderedQueueCounts } from "@/components/team/use-team";
import { listAccountsForUser } from "@/lib/accounts/list-accounts-for-user";
import { resolveCurrentAccount } from "@/lib/accounts/resolve-current-account";
import { getPageUser } from "@/lib/auth/get-page-user";
import { listCachedChats } from "@/lib/chats/list-cached-chats";
import { getDb } from "@/lib/db/client";
import { REQUEST_SEARCH_HEADER } from "@/lib/http/request-search-header";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { logger } from "@/lib/log/logger";
import { countQueueViews } from "@/lib/team/count-queue-views";
import { readInboxChoices } from "@/lib/team/inbox-choices";
import { listQueueChats } from "@/lib/team/list-queue-chats";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: inboxMessages[getRequestLocale(await headers())].documentTitle(0) };
}

/**
 * The inbox: the chat list stays mounted here while the agent moves between /inbox and /inbox/<chatId>. Its first
 * page is read here, for the list the agent last chose (a cookie), and the views' counts, so the first paint shows
 * chats, not "Loading", and nothing above them moves once the page runs.
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
  const [renderedList, renderedCounts] = await Promise.all([
    readFirstPage(current.id, user.id, chooseChatList("buyer", "all", choices)),
    readQueueCounts(current.id, user.id),
  ]);
  return (
    <InboxShell
      userId={user.id}
      accounts={accounts.map((account) => ({ id: account.id, name: account.name, totalUnread: account.totalUnread }))}
      choices={choices}
      renderedList={renderedList}
      renderedCounts={renderedCounts}
    >
      {children}
    </InboxShell>
  );
}

/** The views' counts (their tabs' size depends on them). */
function readQueueCounts(accountId: string, userId: string): Promise<RenderedQueueCounts | null> {
  return readOrNull("view counts", async () => ({ accountId, counts: await countQueueViews(getDb(), accountId, userId), readAt: Date.now() }));
}

/** The list's first page as the browser would fetch it (chat-list-request.ts). */
function readFirstPage(accountId: string, userId: string, choice: ChatListChoice): Promise<RenderedChatList | null> {
  const { source, params } = chatListRequest(choice, null);
  const query = Object.fromEntries(params);
  return readOrNull("first page", async () => {
    const page = source === "chats" ? await listCachedChats(getDb(), accountId, query) : await listQueueChats(getDb(), accountId, userId, query as never);
    return { accountId, choice, page, readAt: Date.now() };
  });
}

/** What the server could not read is left to the browser to ask for: the page renders without it, never fails. */
async function readOrNull<T>(what: string, read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    logger.warn(`The inbox's ${what} was not rendered: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return null;
  }
}
