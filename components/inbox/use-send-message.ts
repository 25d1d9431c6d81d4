"use client";

import { useMutation, useMutationState, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { ApiRequestError, fetchJson } from "@/components/fetch-json";
import { refreshChatLists } from "@/components/query-cache/chat-list-cache";
import { applySendOutcome, refreshMessages } from "@/components/query-cache/message-cache";
import { queryKeys } from "@/components/query-keys";
import type { OutboxOutcome } from "@/lib/chats/outbox-outcome";
import { accountApi } from "./api-paths";
import type { SendAttempt, SendVariables } from "./outgoing";

/**
 * Sends texts and files to a chat, and retries failed ones. Every send carries a clientId made in the browser,
 * so a repeated request never sends twice; the attempts live in the mutation cache, where the thread reads them
 * to show each message pending, sent or failed (see buildOutgoing).
 */
export function useSendMessage(accountId: string, chatId: string) {
  const queryClient = useQueryClient();
  const keys = queryKeys.account(accountId);
  const api = accountApi(accountId);

  const mutation = useMutation({
    mutationKey: keys.sendToChat(chatId),
    mutationFn: async (variables: SendVariables): Promise<OutboxOutcome> => {
      const init = { method: "POST" } as const;
      switch (variables.action) {
        case "text": {
          const outcome = await fetchJson<OutboxOutcome>(api.send(chatId), {
            ...init,
            body: JSON.stringify({ clientId: variables.clientId, text: variables.text, confirmed: variables.confirmed }),
          });
          // The same clientId answers what became of the first attempt; a failed one is retried through its row.
          const unsettled = outcome.outbox.state === "FAILED" || outcome.outbox.state === "UNKNOWN";
          return variables.resend && unsettled ? fetchJson<OutboxOutcome>(api.retry(chatId, outcome.outbox.id), init) : outcome;
        }
        case "file":
          return fetchJson(api.files(chatId), {
            ...init,
            body: JSON.stringify({ clientId: variables.clientId, name: variables.name, base64Content: variables.base64Content }),
          });
        case "retry":
          return fetchJson(api.retry(chatId, variables.outboxId), init);
      }
    },
    onSuccess: (outcome) => applySendOutcome(queryClient, accountId, chatId, outcome),
    onSettled: () => {
      void refreshMessages(queryClient, accountId, chatId);
      void refreshChatLists(queryClient, accountId);
    },
  });

  const attempts = useMutationState({
    filters: { mutationKey: keys.sendToChat(chatId) },
    select: (m): SendAttempt => {
      const error = m.state.error;
      return {
        variables: m.state.variables as SendVariables,
        status: m.state.status,
        data: m.state.data as OutboxOutcome | undefined,
        error: error ? { message: error.message, ...(error instanceof ApiRequestError ? { code: error.code, params: error.params } : {}) } : null,
        submittedAt: m.state.submittedAt,
      };
    },
  });

  const { mutate } = mutation;
  return useMemo(
    () => ({
      attempts: attempts.filter((attempt) => attempt.variables !== undefined),
      /** `confirmed`: the agent saw the policy check's reasons (lib/policy) and sends anyway. */
      sendText: (text: string, confirmed = false) => mutate({ action: "text", clientId: crypto.randomUUID(), text, confirmed }),
      sendFile: (name: string, base64Content: string) => mutate({ action: "file", clientId: crypto.randomUUID(), name, base64Content }),
      /** Through the outbox row when the server has one (it checks Ozon before sending again); else the same send again. */
      retry: (item: { clientId: string; outboxId: string | null; text: string | null }) => {
        if (item.outboxId) mutate({ action: "retry", clientId: item.clientId, outboxId: item.outboxId });
        else if (item.text !== null) {
          // A resend keeps the policy confirmation its first attempt had.
          const first = attempts.find((attempt) => attempt.variables.clientId === item.clientId && attempt.variables.action === "text");
          const confirmed = first?.variables.action === "text" && first.variables.confirmed === true;
          mutate({ action: "text", clientId: item.clientId, text: item.text, resend: true, confirmed });
        }
      },
    }),
    [attempts, mutate],
  );
}
