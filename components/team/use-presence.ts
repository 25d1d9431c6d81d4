"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { accountApi } from "@/components/inbox/api-paths";
import { newerPresence, setPresence } from "@/components/query-cache/team-cache";
import { queryKeys } from "@/components/query-keys";
import type { ChatPresence } from "@/lib/cache/presence-view";

const HEARTBEAT_MS = 15_000;
const TYPING_EVERY_MS = 3_000;

/**
 * This tab's presence in the open chat (a heartbeat while open, "typing" at most every few seconds while the agent
 * types, "leave" when the chat closes), and the others': from the server's answers and the live stream, each viewer
 * shown until the expiry the server gave them.
 */
export function usePresence(accountId: string, chatId: string, userId: string): { others: { name: string; typing: boolean }[]; onTyping: () => void } {
  const queryClient = useQueryClient();
  const key = queryKeys.account(accountId).presence(chatId);
  // Kept by the live stream and this tab's own posts; read from the server when the chat opens and again when the
  // stream reopens (it refreshes every account query): presence events sent while it was closed are not replayed.
  // A read answered after a newer event or heartbeat answer does not replace it.
  const viewers =
    useQuery<ChatPresence>({
      queryKey: key,
      queryFn: async () => newerPresence(queryClient.getQueryData<ChatPresence>(key), await fetchJson<ChatPresence>(accountApi(accountId).presence(chatId))),
      staleTime: Infinity,
    }).data?.viewers ?? [];
  const post = useCallback(
    (state: "view" | "typing" | "leave") =>
      fetchJson<ChatPresence>(accountApi(accountId).presence(chatId), { method: "POST", body: JSON.stringify({ state }), keepalive: state === "leave" })
        .then((answer) => {
          if (state !== "leave") setPresence(queryClient, accountId, chatId, answer);
        })
        .catch(() => {}),
    [accountId, chatId, queryClient],
  );
  useEffect(() => {
    void post("view");
    const timer = setInterval(() => void post("view"), HEARTBEAT_MS);
    return () => {
      clearInterval(timer);
      void post("leave");
    };
  }, [post]);
  const lastTyping = useRef(0);
  const onTyping = useCallback(() => {
    const now = Date.now();
    if (now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = now;
    void post("typing");
  }, [post]);

  // Expiries pass without an event: re-render at the next one.
  const [now, setNow] = useState(() => Date.now());
  const others = viewers.filter((viewer) => viewer.userId !== userId && Date.parse(viewer.viewingUntil) > now);
  const nextExpiry = Math.min(
    ...others.flatMap((viewer) => [Date.parse(viewer.viewingUntil), viewer.typingUntil ? Date.parse(viewer.typingUntil) : Infinity]).filter((t) => t > now),
  );
  useEffect(() => {
    if (!Number.isFinite(nextExpiry)) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, nextExpiry - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [nextExpiry]);
  return { others: others.map((viewer) => ({ name: viewer.name, typing: viewer.typingUntil !== null && Date.parse(viewer.typingUntil) > now })), onTyping };
}
