"use client";

import { useState, type ReactNode } from "react";
import { useMessages } from "@/components/i18n/locale-provider";
import { ConfirmDialog } from "@/components/settings/confirm-dialog";
import type { ChatView } from "@/lib/cache/chat-view";
import { teamMessages } from "./messages";
import { useAccountAgents } from "./use-team";

/**
 * A reply to a chat someone else owns asks first (once per open chat): `guard(send)` sends at once when the chat is
 * the agent's own or unassigned, else after "Send anyway" (`onCancel` otherwise, e.g. to put the text back).
 * Render `dialog` once.
 */
export function useOwnerReplyGuard(
  accountId: string,
  chat: ChatView,
  userId: string,
): { guard: (send: () => void, onCancel?: () => void) => void; dialog: ReactNode } {
  const t = useMessages(teamMessages);
  const agents = useAccountAgents(accountId).data?.agents ?? [];
  const [pending, setPending] = useState<{ send: () => void; cancel?: () => void } | null>(null);
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const owner = chat.assigneeId;
  const othersChat = owner !== null && owner !== userId && confirmedFor !== owner;
  const ownerName = agents.find((agent) => agent.id === owner)?.name ?? t.someoneElse;
  return {
    guard: (send, cancel) => (othersChat ? setPending({ send, cancel }) : send()),
    dialog: (
      <ConfirmDialog
        open={pending !== null}
        title={t.confirmOthersTitle}
        body={t.confirmOthersBody(ownerName)}
        confirmLabel={t.confirmOthersSend}
        cancelLabel={t.cancel}
        onConfirm={() => {
          setConfirmedFor(owner);
          const send = pending?.send;
          setPending(null);
          send?.();
        }}
        onCancel={() => {
          pending?.cancel?.();
          setPending(null);
        }}
      />
    ),
  };
}
