"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { findCachedChat } from "@/components/query-cache/chat-list-cache";
import { refreshChatOrder } from "@/components/query-cache/team-cache";
import { queryKeys } from "@/components/query-keys";
import type { ChatView } from "@/lib/cache/chat-view";
import { NewerMessagesLink } from "@/components/search/newer-messages-link";
import { useFoundMessage } from "@/components/search/use-found-message";
import { chatHref } from "./api-paths";
import { authorLabel } from "./author-label";
import { Composer, type OtherReply } from "./composer";
import { MessageHistory } from "./message-history";
import { inboxMessages } from "./messages";
import { OrderPanel } from "./order-panel";
import { OutgoingBubble } from "./outgoing-bubble";
import { buildOutgoing } from "./outgoing";
import { ReplyWindowNote } from "./reply-window-note";
import { ThreadHeader } from "./thread-header";
import { AnswerComposer } from "@/components/feedback/answer-composer";
import { FeedbackPanel } from "@/components/feedback/feedback-panel";
import { ComposeModes } from "@/components/team/compose-modes";
import { PresenceLine } from "@/components/team/presence-line";
import { TeamControls } from "@/components/team/team-controls";
import { usePresence } from "@/components/team/use-presence";
import { TeamTrail } from "@/components/team/team-trail";
import { useOwnerReplyGuard } from "@/components/team/use-owner-reply-guard";
import { useTeamKeys } from "@/components/team/use-team-keys";
import { compareIds, flattenMessages, useChatMessages, type RenderedMessages } from "./use-chat-messages";
import { useChatOrder } from "./use-chat-order";
import { useMarkRead } from "./use-mark-read";
import { useDraft } from "./use-draft";
import { useSendMessage } from "./use-send-message";

const NEAR_EDGE_PX = 80;

/** The chat as the chat lists last saw it (fresher than the page's first render), else as the page loaded it. */
function useLiveChat(accountId: string, initialChat: ChatView): ChatView {
  const queryClient = useQueryClient();
  // The chat as the last live event showed it (subscribed: a change of owner or status re-renders the thread even
  // when no loaded list holds the chat); null until an event, or after a refetch-everything.
  const live = useQuery<ChatView | null>({
    queryKey: queryKeys.account(accountId).chat(initialChat.id),
    queryFn: () => null,
    initialData: null,
    staleTime: Infinity,
  }).data;
  if (live) return live;
  return findCachedChat(queryClient, accountId, initialChat.id) ?? initialChat;
}

/** The open chat: its history (older pages on scrolling up), the messages on their way, and the composer. */
export function Thread({
  accountId,
  initialChat,
  userId,
  around = null,
  renderedMessages = null,
}: {
  accountId: string;
  initialChat: ChatView;
  userId: string;
  around?: string | null;
  /** The newest messages as the server rendered them with the chat's page (null: the browser asks). */
  renderedMessages?: RenderedMessages | null;
}) {
  const t = useMessages(inboxMessages);
  const locale = useLocale();
  const chat = useLiveChat(accountId, initialChat);
  const chatId = chat.id;
  const headingId = useId();
  const history = useChatMessages(accountId, chatId, around, renderedMessages);
  const router = useRouter();
  const sender = useSendMessage(accountId, chatId);

  const messages = useMemo(() => flattenMessages(history.data), [history.data]);
  const shown = useMemo(
    () => ({
      ids: new Set(messages.map((message) => message.id)),
      clientIds: new Set(messages.flatMap((message) => (message.clientId ? [message.clientId] : []))),
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

  // Where the unread messages began when the chat was opened: marking them read must not move the divider.
  const [unreadFromId, setUnreadFromId] = useState<string | null | undefined>(undefined);
  if (unreadFromId === undefined && history.data) {
    setUnreadFromId(messages.find((message) => !message.isRead && message.authorType !== "seller")?.id ?? null);
  }

  // Someone else's reply since this agent opened the chat: the newest message then is the baseline.
  const [baseline, setBaseline] = useState<string | undefined>(undefined);
  if (baseline === undefined && history.data) setBaseline(newestId ?? "0");
  // Decided by author and identity, never by text: ours is what this agent sent (any tab) or this tab's client ids.
  const ownIds = new Set(sender.attempts.flatMap((a) => [a.data?.message?.id, a.data?.outbox.ozonMessageId].filter((id): id is string => !!id)));
  const ownClientIds = new Set(sender.attempts.map((a) => a.variables.clientId));
  const otherMessage = [...messages]
    .reverse()
    .find(
      (message) =>
        baseline !== undefined &&
        message.authorType === "seller" &&
        compareIds(message.id, baseline) > 0 &&
        message.sentBy?.id !== userId &&
        !ownIds.has(message.id) &&
        !(message.clientId !== null && ownClientIds.has(message.clientId)),
    );
  const otherReply: OtherReply | null = otherMessage ? { author: otherMessage.sentBy ? authorLabel(t, otherMessage) : null, text: otherMessage.text } : null;

  // May an agent write here now: the server's word (the chat's reply state), never this tab's guess. The order
  // query answers the chat once its postings were read; the live stream keeps both current.
  const order = useChatOrder(accountId, chatId);
  const replyState = order.data?.chat.replyState ?? chat.replyState;
  const blockedReason = replyState.canReply ? null : t.replyClosed(replyState.reason ?? "ozon_refused");
  // Ozon refused a send just now: the server stored it on the chat; ask for it rather than wait for the stream.
  const refusedAt = sender.attempts.findLast((attempt) => attempt.status === "error" && attempt.error?.code === "window_closed")?.submittedAt;
  const orderClient = useQueryClient();
  useEffect(() => {
    if (refusedAt !== undefined) void refreshChatOrder(orderClient, accountId, chatId);
  }, [refusedAt, accountId, chatId, orderClient]);

  // Scrolling: older pages keep the view where it was; new messages follow when the view was at the bottom.
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(around === null);
  useFoundMessage(scroller, around, history.data !== undefined);
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

  // The team's side: owner and status controls (keys i, e, s, n), the trail, notes, and a question before replying
  // to someone else's chat.
  const snoozeMenu = useRef<HTMLDetailsElement>(null);
  useTeamKeys(accountId, chat, userId, snoozeMenu);
  const ownerGuard = useOwnerReplyGuard(accountId, chat, userId);
  const [, setDraft] = useDraft(accountId, chatId);
  const presence = usePresence(accountId, chatId, userId);

  return (
    <section aria-labelledby={headingId} className="flex min-h-0 min-w-0 flex-1 flex-col bg-slate-50">
      <ThreadHeader t={t} accountId={accountId} chat={chat} headingId={headingId} />
      <TeamControls accountId={accountId} chat={chat} userId={userId} snoozeRef={snoozeMenu} />
      <PresenceLine others={presence.others} />
      {/* The order beside the messages on wide screens, folded above them on narrow ones. */}
      <div className="flex min-h-0 flex-1 flex-col xl:flex-row">
      <div className="order-first xl:order-last xl:flex xl:min-h-0">
        {chat.feedback ? (
          <FeedbackPanel accountId={accountId} chat={chat} messages={messages} />
        ) : (
          <OrderPanel t={t} locale={locale} accountId={accountId} order={order} />
        )}
      </div>
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
        className="min-h-0 min-w-0 flex-1 space-y-3 overflow-y-auto px-4 py-3 [overflow-anchor:none] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-700"
      >
        {history.isPending ? (
          <p role="status" className="text-sm text-slate-700">
            {t.loadingMessages}
          </p>
        ) : history.isError && !history.data ? (
          // A failed read again (a refetch) keeps what was read: the error replaces nothing the agent can still read.
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
                {t.olderUnavailable}
              </p>
            )}
            <MessageHistory t={t} locale={locale} accountId={accountId} messages={messages} unreadFromId={unreadFromId ?? null} />
            {history.data.pages[0]?.hasNewer && <NewerMessagesLink accountId={accountId} chatId={chatId} />}
            {outgoing.map((item) => (
              <OutgoingBubble key={item.clientId} t={t} item={item} closedReason={blockedReason} onRetry={() => sender.retry(item)} />
            ))}
            <TeamTrail accountId={accountId} chatId={chatId} />
          </>
        )}
      </div>
      </div>
      <div className="px-3 pt-2 empty:hidden">
        <ReplyWindowNote t={t} locale={locale} accountId={accountId} chatId={chatId} replyState={replyState} />
      </div>
      <ComposeModes accountId={accountId} chatId={chatId} onTyping={presence.onTyping}>
      {chat.feedback ? (
        <AnswerComposer key={chatId} accountId={accountId} chat={chat} />
      ) : (
      <Composer
        key={chatId}
        t={t}
        accountId={accountId}
        chatId={chatId}
        disabledReason={blockedReason}
        otherReply={otherReply}
        onAcknowledgeOtherReply={() => setBaseline(newestId ?? "0")}
        onSend={(text, { confirmed }) =>
          ownerGuard.guard(
            () => {
              atBottom.current = true;
              // Sent from a thread opened at a search result: the newest messages show it.
              if (around) router.replace(chatHref(accountId, chatId));
              sender.sendText(text, confirmed);
            },
            () => setDraft(text),
          )
        }
        onSendFile={(name, base64) =>
          ownerGuard.guard(() => {
            atBottom.current = true;
            sender.sendFile(name, base64);
          })
        }
      />
      )}
      </ComposeModes>
      {ownerGuard.dialog}
    </section>
  );
}
