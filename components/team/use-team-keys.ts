"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { fetchJson } from "@/components/fetch-json";
import { accountApi, chatHref } from "@/components/inbox/api-paths";
import type { ChatView } from "@/lib/cache/chat-view";
import type { ListCachedChatsResponse } from "@/lib/chats/list-cached-chats";
import { useTeamAction } from "./use-team";

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
}

/**
 * The thread's keys, outside text fields and without modifiers: i assigns the chat to me, e resolves it, s opens
 * the snooze menu, n opens the next chat of "Needs reply" (the longest waiting other than this one).
 */
export function useTeamKeys(accountId: string, chat: ChatView, userId: string, snooze: React.RefObject<HTMLDetailsElement | null>) {
  const router = useRouter();
  const action = useTeamAction(accountId);
  const queryClient = useQueryClient();
  const latest = useRef({ chat, action });
  useEffect(() => {
    latest.current = { chat, action };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || typingIn(event.target)) return;
      const { chat: current, action: act } = latest.current;
      if (event.key === "i") {
        event.preventDefault();
        if (current.assigneeId !== userId) act.mutate({ kind: "assign", chatId: current.id, assigneeId: userId });
      } else if (event.key === "e") {
        event.preventDefault();
        if (current.workStatus !== "RESOLVED") act.mutate({ kind: "status", chatId: current.id, status: "RESOLVED" });
      } else if (event.key === "s") {
        event.preventDefault();
        const details = snooze.current;
        if (details) {
          details.open = true;
          details.querySelector<HTMLElement>("button")?.focus();
        }
      } else if (event.key === "n") {
        event.preventDefault();
        void queryClient
          .fetchQuery({
            queryKey: ["next-in-queue", accountId, current.id],
            queryFn: () => fetchJson<ListCachedChatsResponse>(accountApi(accountId).queue(new URLSearchParams({ view: "needs_reply", limit: "2" }))),
            staleTime: 0,
          })
          .then((page) => {
            const next = page.chats.find((other) => other.id !== current.id);
            if (next) router.push(chatHref(accountId, next.id));
          })
          .catch(() => {});
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [accountId, userId, router, queryClient, snooze]);
}
