"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { AccountBar, type InboxAccount } from "./account-bar";
import { ChatList } from "./chat-list";
import { inboxMessages } from "./messages";
import { ToggleGroup } from "./toggle-group";
import { resolveCurrentAccount } from "@/lib/accounts/resolve-current-account";
import type { ChatKind } from "@/lib/chats/chat-kind-of";
import type { InboxChoices } from "@/lib/team/inbox-choices";
import { chooseChatList, listOrdersReviews, type ChatFilter } from "./chat-list-request";
import { useChatInPlace } from "./use-chat-in-place";
import { useChatList, type RenderedChatList } from "./use-chat-list";
import { teamMessages } from "@/components/team/messages";
import { QueueViewTabs } from "@/components/team/queue-view-tabs";
import type { RenderedQueueCounts } from "@/components/team/use-team";
import { TeamNotifications } from "@/components/team/team-notifications";
import { useStoredReviewOrder, useStoredView } from "@/components/team/use-stored-choice";

// The thread is not needed for the inbox's first paint: loaded when the browser is idle, or at the first open.
const loadThread = () => import("./thread");
const Thread = lazy(() => loadThread().then((module) => ({ default: module.Thread })));

/**
 * The inbox around the open chat: the account, the chat kinds and filters, and the list. It lives in the inbox
 * layout, so the list keeps its place, filter and pages while the agent moves from chat to chat.
 */
export function InboxShell({
  accounts,
  userId,
  choices,
  renderedList,
  renderedCounts,
  children,
}: {
  accounts: InboxAccount[];
  userId: string;
  /** The remembered view and review order, as the server read them (it rendered the list they choose). */
  choices: InboxChoices;
  /** The first page of that list, read by the server; null when it could not be. */
  renderedList: RenderedChatList | null;
  /** The views' counts, read by the server with it. */
  renderedCounts: RenderedQueueCounts | null;
  children: ReactNode;
}) {
  const t = useMessages(inboxMessages);
  const teamT = useMessages(teamMessages);
  const locale = useLocale();
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const current = resolveCurrentAccount(accounts, searchParams.get("account"));
  const { activeChatId, chatInPlace, open } = useChatInPlace(current?.id ?? "");
  const [kind, setKind] = useState<ChatKind>("buyer");
  const [filter, setFilter] = useState<ChatFilter>("all");
  const [view, setView] = useStoredView(choices.view);
  const [reviewOrder, setReviewOrder] = useStoredReviewOrder(choices.reviewOrder);
  const ordersReviews = listOrdersReviews(kind, view);
  const choice = chooseChatList(kind, filter, { view, reviewOrder });
  const list = useChatList(current?.id ?? "", choice, userId, renderedList);
  const totalUnread = list.data?.pages[0]?.totalUnread ?? current?.totalUnread ?? 0;
  const [unseen, setUnseen] = useState(0);
  const title = (unseen > 0 ? teamT.titlePrefix(unseen) : "") + t.documentTitle(totalUnread);

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

  useEffect(() => {
    const preload = () => void loadThread();
    if (typeof window.requestIdleCallback !== "function") return void setTimeout(preload, 1000);
    const handle = window.requestIdleCallback(preload, { timeout: 5000 });
    return () => window.cancelIdleCallback(handle);
  }, []);

  if (!current) return <>{children}</>;

  return (
    <main className="flex h-[calc(100dvh-3.25rem)] min-h-[28rem]">
      <h1 className="sr-only">
        {t.appName} · {t.inbox}
      </h1>
      {/* Narrow screens show one of the two: the list at /inbox, the open chat at /inbox/<chatId>. */}
      <div
        className={`${activeChatId ? "hidden md:flex" : "flex"} w-full min-w-0 flex-col border-slate-200 bg-white md:max-w-sm md:shrink-0 md:border-r`}
      >
        <AccountBar t={t} accounts={accounts} current={current} totalUnread={totalUnread} />
        <div className="space-y-2 border-b border-slate-200 px-3 py-2">
          <QueueViewTabs accountId={current.id} value={view} onChange={setView} renderedCounts={renderedCounts} />
          <TeamNotifications userId={userId} onUnseenChange={setUnseen} />
          <ToggleGroup
            label={t.chatKinds}
            value={kind}
            onChange={setKind}
            options={[
              { value: "buyer", label: t.buyers },
              { value: "support", label: t.support },
              { value: "question", label: t.questions },
              { value: "review", label: t.reviews },
            ]}
          />
          {ordersReviews && (
            <ToggleGroup
              label={t.reviewOrder}
              value={reviewOrder}
              onChange={setReviewOrder}
              options={[
                { value: "deadline", label: t.orderByWait },
                { value: "low_rating", label: t.orderLowRating },
              ]}
            />
          )}
          {view === "all" && (
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
          )}
        </div>
        {/* A new list (account, kind, filter or view) starts with nothing selected. */}
        <ChatList key={`${current.id} ${kind} ${filter} ${view} ${choice.order ?? ""}`} t={t} locale={locale} accountId={current.id} userId={userId} activeChatId={activeChatId} list={list} onOpen={open} />
      </div>
      <div className={`${activeChatId ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`}>
        {chatInPlace ? (
          <Suspense fallback={<p className="m-auto p-6 text-slate-700">{t.loadingMessages}</p>}>
            <Thread key={chatInPlace.id} accountId={current.id} initialChat={chatInPlace} userId={userId} />
          </Suspense>
        ) : (
          children
        )}
      </div>
    </main>
  );
}
