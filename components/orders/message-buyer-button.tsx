"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { fetchJson } from "@/components/fetch-json";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { refreshAccount } from "@/components/query-cache/account-cache";
import type { PostingView } from "@/lib/cache/posting-view";
import type { StartChatForPostingResponse } from "@/lib/chats/start-chat-for-posting";
import { describeStartError } from "./describe-start-error";
import { messageBuyerAction, type ChatStartBlock } from "./message-buyer-action";
import { ordersMessages } from "./messages";
import { inboxChatHref, postingApiUrl } from "./order-links";

type Messages = (typeof ordersMessages)["en"];

const BLOCK_WORDS: Record<ChatStartBlock, keyof Messages> = {
  fbo: "blockedFbo",
  cancelled: "blockedCancelled",
  not_paid: "blockedNotPaid",
  window_passed: "blockedWindowPassed",
};

/**
 * "Message buyer": opens the inbox's chat about the posting, or starts one with Ozon and opens it. Where Ozon's
 * rules forbid it, the button stays focusable but inert (aria-disabled) and says why.
 */
export function MessageBuyerButton({ accountId, posting }: { accountId: string; posting: PostingView }) {
  const t = useMessages(ordersMessages);
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const action = messageBuyerAction(posting);

  const start = useMutation({
    mutationFn: () => fetchJson<StartChatForPostingResponse>(`${postingApiUrl(accountId, posting.postingNumber)}/chat`, { method: "POST" }),
    onSuccess: async ({ chatId }) => {
      router.push(inboxChatHref(accountId, chatId));
      await refreshAccount(queryClient, accountId);
    },
  });

  const blocked = action.kind === "blocked";
  // After a success the page is leaving: keep the button inert until it has.
  const busy = start.isPending || start.isSuccess;
  const explanation =
    action.kind === "blocked" ? (t[BLOCK_WORDS[action.reason]] as string) : action.kind === "open" ? t.chatExists : t.chatCanStart;

  return (
    <div>
      <button
        type="button"
        aria-disabled={blocked || busy ? true : undefined}
        aria-describedby={reasonId}
        onClick={() => {
          if (blocked || busy) return;
          if (action.kind === "open") router.push(inboxChatHref(accountId, action.chatId));
          else start.mutate();
        }}
        className={`min-h-11 min-w-52 rounded-md px-4 py-2 font-medium ${
          blocked ? "cursor-not-allowed bg-slate-200 text-slate-600" : "bg-brand-600 text-white hover:bg-brand-700 aria-disabled:opacity-80"
        }`}
      >
        {busy ? t.startingChat : t.messageBuyer}
      </button>
      <p id={reasonId} className="mt-2 text-sm text-slate-700">
        {explanation}
      </p>
      {start.isError && (
        <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {describeStartError(start.error, locale)}
        </p>
      )}
    </div>
  );
}
