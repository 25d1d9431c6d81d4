"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { queryKeys } from "@/components/query-keys";
import type { ChatView } from "@/lib/chats/chat-view";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import { authorLabel } from "./author-label";
import { isNotificationChat } from "./chat-title";
import { Composer, type OtherReply } from "./composer";
import { MessageHistory } from "./message-history";
import { inboxMessages } from "./messages";
import { OutgoingBubble } from "./outgoing-bubble";
import { buildOutgoing } from "./outgoing";
import { ThreadHeader } from "./thread-header";
import { compareIds, flattenMessages, useChatMessages } from "./use-chat-messages";
import { useMarkRead } from "./use-mark-read";
import { useSendMessage } from "./use-send-message";

const NEAR_EDGE_PX = 80;

/** The chat as the chat lists last saw it (fresher than the page's first render), else as the page loaded it. */
function useLiveChat(accountId: string, initialChat: ChatView): ChatView {
  const queryClient = useQueryClient();
  const lists = queryClient.getQueriesData<InfiniteData<ListCachedChatsResponse>>({ queryKey: queryKeys.account(accountId).chatLists() });
  for (const [, data] of lists) {
    const found = data?.pages?.flatMap((page) => page.chats).find((chat) => chat.id === initialChat.id);
    if (found) return found;
  }
  return initialChat;
}

/** The open chat: its history (older pages on scrolling up), the messages on their way, and the composer. */
export function Thread({ accountId, initialChat, userId }: { accountId: string; initialChat: ChatView; userId: string }) {
  const t = useMessages(inboxMessages);
  const locale = useLocale();
  const chat = useLiveChat(accountId, initialChat);
  const chatId = chat.id;
  const headingId = useId();
  const history = useChatMessages(accountId, chatId);
  const sender = useSendMessage(accountId, chatId);

  const messages = useMemo(() => flattenMessages(history.data), [history.data]);
  const shown = useMemo(
    () => ({
      ids: new Set(messages.map((message) => message.id)),
      sent: messages.filter((message) => message.sentBy !== null).map((message) => ({ text: message.text, createdAt: Date.parse(message.createdAt) })),
    }),
    [messages],
  );
  const outgoing = useMemo(
    () => buildOutgoing(sender.attempts, history.data?.pages[0]?.outbox ?? [], shown),
    [sender.attempts, history.data, shown],
  );
  const newest = messages[messages.length - 1];
  const newestId = newest?.id ?? null;

  // Mark-as-read on view.
  const hasUnread = chat.unreadCount > 0 || messages.some((message) => !message.isRead && message.authorType !== "seller");
  useMarkRead(accountId, chatId, newestId, hasUnread);

  // Someone else's reply since this agent opened the chat: the newest message then is the baseline.
  const [baseline, setBaseline] = useState<string | undefined>(undefined);
  if (baseline === undefined && history.data) setBaseline(newestId ?? "0");
  const ownIds = new Set(sender.attempts.flatMap((a) => [a.data?.message?.id, a.data?.outbox.ozonMessageId].filter((id): id is string => !!id)));
  const ownTexts = new Set(sender.attempts.map((a) => (a.variables.action === "text" ? a.variables.text : null)));
  const otherMessage = [...messages]
    .reverse()
    .find(
      (message) =>
        baseline !== undefined &&
        message.authorType === "seller" &&
        compareIds(message.id, baseline) > 0 &&
        !ownIds.has(message.id) &&
        !(message.sentBy?.id === userId && ownTexts.has(message.text)),
    );
  const otherReply: OtherReply | null = otherMessage ? { author: otherMessage.sentBy ? authorLabel(t, otherMessage) : null, text: otherMessage.text } : null;

  // Ozon refused a send because the window closed, and the buyer has not written since.
  const lastBuyerAt = [...messages].reverse().find((message) => message.authorType === "customer")?.createdAt;
  const windowRefusal = sender.attempts.find(
    (attempt) => attempt.status === "error" && attempt.error?.code === "window_closed" && (!lastBuyerAt || attempt.submittedAt > Date.parse(lastBuyerAt)),
  );
  const windowClosed = windowRefusal || outgoing.some((item) => item.code === "window_closed");
  const blockedReason =
    chat.status === "CLOSED" ? t.chatClosed : isNotificationChat(chat) ? t.notificationChat : windowClosed ? t.windowClosed(t.windowClosedWhy) : null;

  // Scrolling: older pages keep the view where it was; new messages follow when the view was at the bottom.
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history;
  const loadOlder = () => {
    const element = scroller.current;
    if (!element || !hasNextPage || isFetchingNextPage) return;
    anchor.current = { height: element.scrollHeight, top: element.scrollTop };
    void fetchNextPage();
  };
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (anchor.current) {
      if (isFetchingNextPage) return;
      element.scrollTop = element.scrollHeight - anchor.current.height + anchor.current.top;
      anchor.current = null;
      return;
    }
    if (atBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages, outgoing, isFetchingNextPage]);

  return (
    <section aria-labelledby={headingId} className="flex min-h-0 min-w-0 flex-1 flex-col bg-slate-50">
      <ThreadHeader t={t} accountId={accountId} chat={chat} headingId={headingId} />
      <div
        ref={scroller}
        role="region"
        aria-label={t.messagesRegion}
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_EDGE_PX;
          if (element.scrollTop < NEAR_EDGE_PX) loadOlder();
        }}
        className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3 [overflow-anchor:none] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-700"
      >
        {history.isPending ? (
          <p role="status" className="text-sm text-slate-700">
            {t.loadingMessages}
          </p>
        ) : history.isError ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            <p>{describeApiError(locale, history.error)}</p>
            <button type="button" onClick={() => void history.refetch()} className="mt-2 rounded-md bg-red-800 px-3 py-1 text-white">
              {t.tryAgain}
            </button>
          </div>
        ) : (
          <>
            <div className="flex justify-center">
              {hasNextPage ? (
                <button type="button" onClick={loadOlder} disabled={isFetchingNextPage} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
                  {isFetchingNextPage ? t.loadingOlder : t.loadOlder}
                </button>
              ) : (
                <p className="text-xs text-slate-600">{t.startOfChat}</p>
              )}
            </div>
            {history.data.pages.some((page) => page.notice) && (
              <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
                {locale === "en" ? history.data.pages.find((page) => page.notice)?.notice : t.olderUnavailable}
              </p>
            )}
            <MessageHistory t={t} locale={locale} accountId={accountId} messages={messages} />
            {outgoing.map((item) => (
              <OutgoingBubble key={item.clientId} t={t} item={item} onRetry={() => sender.retry(item)} />
            ))}
          </>
        )}
      </div>
      <Composer
        key={chatId}
        t={t}
        accountId={accountId}
        chatId={chatId}
        blockedReason={blockedReason}
        otherReply={otherReply}
        onAcknowledgeOtherReply={() => setBaseline(newestId ?? "0")}
        onSend={(text) => {
          atBottom.current = true;
          sender.sendText(text);
        }}
        onSendFile={(name, base64) => {
          atBottom.current = true;
          sender.sendFile(name, base64);
        }}
      />
    </section>
  );
}
