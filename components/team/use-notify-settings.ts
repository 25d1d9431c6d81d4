"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { refreshNotifySettings, setNotifySettings, showNotifySettings, type NotifySettingsAnswer } from "@/components/query-cache/notify-settings-cache";
import { queryKeys } from "@/components/query-keys";
import type { NotifySettings } from "@/lib/team/notify-settings";

const URL = "/api/me/notify-settings";
/** A change made on another device reaches a tab left in the background within this (and at once on focus). */
const REREAD_MS = 60_000;

/**
 * The signed-in user's notification choices, kept by the server (the same in every tab and on every device): the
 * server's values (null until read), and `change`, shown at once and put back if the server refuses it.
 */
export function useNotifySettings() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.notifySettings(),
    queryFn: ({ signal }) => fetchJson<NotifySettingsAnswer>(URL, { signal }),
    refetchInterval: REREAD_MS,
    refetchIntervalInBackground: true,
  });
  const change = useMutation({
    mutationFn: (patch: Partial<NotifySettings>) => fetchJson<NotifySettingsAnswer>(URL, { method: "PATCH", body: JSON.stringify(patch) }),
    onMutate: (patch) => showNotifySettings(queryClient, patch),
    onSuccess: (answer) => setNotifySettings(queryClient, answer),
    onError: (_error, _patch, before) => {
      setNotifySettings(queryClient, before);
      void refreshNotifySettings(queryClient);
    },
  });
  return { settings: query.data?.notify ?? null, query, change };
}
