import type { QueryClient } from "@tanstack/react-query";
import { compareIds, type MessagesData } from "@/components/inbox/use-chat-messages";
import { queryKeys } from "@/components/query-keys";
import type { MessageView } from "@/lib/cache/message-view";
import type { OutboxView } from "@/lib/cache/outbox-view";
import type { OutboxOutcome } from "@/lib/chats/outbox-outcome";
import { rereadLoadsInFlight } from "./reread-loads-in-flight";

/**
 * The history's own messages: new ones join the newest page (oldest first, as the server sends it), known ones are
 * replaced in place. A message sent from the inbox carries the client id of its outbox row: that row is settled and
 * leaves the outbox the tab shows (exactly that row, whatever its text), so the message shows once, in the history.
 */
export function applyMessages(queryClient: QueryClient, accountId: string, chatId: string, messages: MessageView[]): void {
  if (messages.length === 0) return;
  queryClient.setQueryData<MessagesData>(queryKeys.account(accountId).messages(chatId), (data) => {
    if (!data?.pages?.length) return data;
    return settleOutbox(mergeMessages(data, messages), messages);
  });
  void rereadLoadsInFlight(queryClient, queryKeys.account(accountId).messages(chatId));
}

/**
 * What became of a message on its way (sending, checking with Ozon, failed, sent), by its client id: the chat's
 * outbox gets the row's newest view. A SENT row stays until its message (same client id) is in the history, so the
 * text never disappears nor shows twice meanwhile; once it is there, the row is not brought back.
 */
export function applyOutboxRow(queryClient: QueryClient, accountId: string, row: OutboxView): void {
  queryClient.setQueryData<MessagesData>(queryKeys.account(accountId).messages(row.chatId), (data) => (data?.pages?.length ? putOutboxRow(data, row) : data));
}

/**
 * A send's or retry's answer: Ozon's copy joins the history at once, at its place by Ozon's id, and the row's view
 * replaces the older one (a SENT row whose message is not known yet stays one bubble until a message with its
 * client id arrives: see buildOutgoing).
 */
export function applySendOutcome(queryClient: QueryClient, accountId: string, chatId: string, outcome: OutboxOutcome): void {
  queryClient.setQueryData<MessagesData>(queryKeys.account(accountId).messages(chatId), (data) => {
    if (!data?.pages?.length) return data;
    const message = outcome.message;
    if (!message) return putOutboxRow(data, outcome.outbox, { newerOnly: false });
    // A copy the history holds already (the live stream was first) stays: it is as new as this one, or newer.
    const known = data.pages.some((page) => page.messages.some((other) => other.id === message.id));
    return settleOutbox(putOutboxRow(known ? data : mergeMessages(data, [message]), outcome.outbox, { newerOnly: false }), [message]);
  });
}

/** The chat's history is read again (after a send: what the server stored, in Ozon's order). */
export function refreshMessages(queryClient: QueryClient, accountId: string, chatId: string, options: { cancelRefetch?: boolean } = {}): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId).messages(chatId) }, options);
}

function mergeMessages(data: MessagesData, messages: MessageView[]): MessagesData {
  const incoming = new Map(messages.map((message) => [message.id, message]));
  const pages = data.pages.map((page) => {
    if (!page.messages.some((message) => incoming.has(message.id))) return page;
    return {
      ...page,
      messages: page.messages.map((message) => {
        const replacement = incoming.get(message.id);
        if (!replacement) return message;
        incoming.delete(message.id);
        return replacement;
      }),
    };
  });
  if (incoming.size > 0) {
    const [newest, ...older] = pages;
    pages.splice(0, pages.length, { ...newest!, messages: [...newest!.messages, ...incoming.values()].sort((a, b) => compareIds(a.id, b.id)) }, ...older);
  }
  return { ...data, pages };
}

function settleOutbox(data: MessagesData, messages: MessageView[]): MessagesData {
  const settled = new Set(messages.flatMap((message) => (message.clientId ? [message.clientId] : [])));
  if (!data.pages.some((page) => page.outbox.some((row) => settled.has(row.clientId)))) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, outbox: page.outbox.filter((row) => !settled.has(row.clientId)) })) };
}

/**
 * The row's view in the newest page's outbox, unless the history holds its message already. `newerOnly`: a live
 * event may arrive after a later view of the row (the send's answer, a refetch): it loses then.
 */
function putOutboxRow(data: MessagesData, row: OutboxView, { newerOnly = true } = {}): MessagesData {
  const [newest, ...older] = data.pages;
  if (!newest) return data;
  if (data.pages.some((page) => page.messages.some((message) => message.clientId === row.clientId))) return data;
  const known = newest.outbox.find((other) => other.clientId === row.clientId);
  if (newerOnly && known && known.updatedAt > row.updatedAt) return data;
  const outbox = [...newest.outbox.filter((other) => other.clientId !== row.clientId), row];
  return { ...data, pages: [{ ...newest, outbox: outbox.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) }, ...older] };
}
