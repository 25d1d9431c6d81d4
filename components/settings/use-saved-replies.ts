"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import {
  findSavedReply,
  holdSavedReplies,
  putSavedReply,
  refreshSavedReplies,
  removeSavedReply,
  type SavedReplyListResponse,
} from "@/components/query-cache/saved-reply-cache";
import { queryKeys } from "@/components/query-keys";
import type { SavedReplyView } from "@/lib/replies/saved-reply-view";

/** What the reply form sends (POST /api/replies, PUT /api/replies/<id>). */
export type SavedReplyDraft = { title: string; shortcut: string; text: string; scope: "team" | "mine"; accountId: string | null };

const replyUrl = (id: string) => `/api/replies/${encodeURIComponent(id)}`;
const STAND_IN = "new-";

/** A new reply shown before the server answered: it has no id of its own yet, so nothing can be done with it. */
export function isStandIn(id: string): boolean {
  return id.startsWith(STAND_IN);
}

/** The saved replies the user sees (GET /api/replies), fresh from the server render. */
export function useSavedReplies(initial: SavedReplyListResponse) {
  return useQuery({
    queryKey: queryKeys.savedReplies(),
    queryFn: ({ signal }) => fetchJson<SavedReplyListResponse>("/api/replies", { signal }),
    initialData: initial,
  });
}

/**
 * Adds (id null) or changes a reply. The list shows it at once: a change in place, a new reply as a stand-in without
 * actions (what the user may do with it is the server's to say); the server's answer replaces it, a refusal puts back
 * what was there.
 */
export function useSaveSavedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, draft }: { id: string | null; draft: SavedReplyDraft }) =>
      fetchJson<{ reply: SavedReplyView }>(id ? replyUrl(id) : "/api/replies", { method: id ? "PUT" : "POST", body: JSON.stringify(draft) }),
    onMutate: async ({ id, draft }) => {
      await holdSavedReplies(queryClient);
      const before = id ? findSavedReply(queryClient, id) : undefined;
      const standIn: SavedReplyView = {
        id: id ?? `${STAND_IN}${Date.now()}-${Math.random().toString(36).slice(2)}`,
        title: draft.title.trim(),
        shortcut: draft.shortcut.trim().toLowerCase(),
        text: draft.text.trim(),
        scope: draft.scope,
        accountId: draft.accountId,
        usageCount: before?.usageCount ?? 0,
        mayEdit: before?.mayEdit ?? false,
      };
      putSavedReply(queryClient, standIn);
      return { before, standInId: standIn.id };
    },
    onSuccess: ({ reply }, _variables, context) => putSavedReply(queryClient, reply, context.standInId),
    onError: (_error, _variables, context) => {
      if (!context) return;
      if (context.before) putSavedReply(queryClient, context.before);
      else removeSavedReply(queryClient, context.standInId);
    },
    onSettled: () => refreshSavedReplies(queryClient),
  });
}

/** Deletes a reply: gone from the list at once, back in its place if the server refuses. */
export function useDeleteSavedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reply: SavedReplyView) => fetchJson<{ ok: true }>(replyUrl(reply.id), { method: "DELETE" }),
    onMutate: async (reply) => {
      await holdSavedReplies(queryClient);
      removeSavedReply(queryClient, reply.id);
    },
    onError: (_error, reply) => putSavedReply(queryClient, reply),
    onSettled: () => refreshSavedReplies(queryClient),
  });
}

/** Imports a file's replies (all or none; those already there are skipped), then reads the list again. */
export function useImportSavedReplies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: { format: "json" | "csv"; content: string }) =>
      fetchJson<{ imported: number; skipped: number }>("/api/replies/import", { method: "POST", body: JSON.stringify(file) }),
    onSettled: () => refreshSavedReplies(queryClient),
  });
}
