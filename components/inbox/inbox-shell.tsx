"use client";

import { useParams, usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { AccountBar, type InboxAccount } from "./account-bar";
import { ChatList } from "./chat-list";
import { inboxMessages } from "./messages";
import { ToggleGroup } from "./toggle-group";
import { useChatList, type ChatFilter, type ChatKind } from "./use-chat-list";

/**
 * The inbox around the open chat: the account, the chat kinds and filters, and the list. It lives in the inbox
 * layout, so the list keeps its place, filter and pages while the agent moves from chat to chat.
 */
export function InboxShell({ accounts, children }: { accounts: InboxAccount[]; children: ReactNode }) {
  const t = useMessages(inboxMessages);
  const locale = useLocale();
  const searchParams = useSearchParams();
  const params = useParams<{ chatId?: string }>();
  const pathname = usePathname();
  const current = accounts.find((account) => account.id === searchParams.get("account")) ?? accounts[0];
  const [kind, setKind] = useState<ChatKind>("buyer");
  const [filter, setFilter] = useState<ChatFilter>("all");
  const list = useChatList(current?.id ?? "", kind, filter);
  const totalUnread = list.data?.pages[0]?.totalUnread ?? current?.totalUnread ?? 0;
  const title = t.documentTitle(totalUnread);

  // Next sets the page's metadata title after navigations; the unread count must stay in it.
  useEffect(() => {
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [title, pathname]);

  if (!current) return <>{children}</>;
  const activeChatId = params.chatId ? decodeURIComponent(params.chatId) : null;

  return (
    <main className="flex h-[calc(100dvh-3.25rem)] min-h-[28rem]">
      <h1 className="sr-only">
        {t.appName} · {t.inbox}
      </h1>
      <div className="flex w-full max-w-sm shrink-0 flex-col border-r border-slate-200 bg-white">
        <AccountBar t={t} accounts={accounts} current={current} totalUnread={totalUnread} />
        <div className="space-y-2 border-b border-slate-200 px-3 py-2">
          <ToggleGroup
            label={t.chatKinds}
            value={kind}
            onChange={setKind}
            options={[
              { value: "buyer", label: t.buyers },
              { value: "support", label: t.support },
            ]}
          />
          <ToggleGroup
            label={t.filters}
            value={filter}
            onChange={setFilter}
            options={[
              { value: "all", label: t.filterAll },
              { value: "unread", label: t.filterUnread },
              { value: "opened", label: t.filterOpened },
              { value: "closed", label: t.filterClosed },
            ]}
          />
        </div>
        <ChatList t={t} locale={locale} accountId={current.id} activeChatId={activeChatId} list={list} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col">{children}</div>
    </main>
  );
}
