import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/components/query-keys";
import type { NotifySettings } from "@/lib/team/notify-settings";

export type NotifySettingsAnswer = { notify: NotifySettings };

/**
 * The user's notification choices as this tab now shows them: a change at once (before the server answered, any
 * read under way dropped so it cannot bring the old value back), then the server's answer. Returns what was shown
 * before, to put back if the server refuses.
 */
export async function showNotifySettings(queryClient: QueryClient, patch: Partial<NotifySettings>): Promise<NotifySettingsAnswer | undefined> {
  const key = queryKeys.notifySettings();
  await queryClient.cancelQueries({ queryKey: key, exact: true });
  const before = queryClient.getQueryData<NotifySettingsAnswer>(key);
  if (before) queryClient.setQueryData<NotifySettingsAnswer>(key, { notify: { ...before.notify, ...patch } });
  return before;
}

export function setNotifySettings(queryClient: QueryClient, answer: NotifySettingsAnswer | undefined): void {
  if (answer) queryClient.setQueryData<NotifySettingsAnswer>(queryKeys.notifySettings(), answer);
}

/** What the server holds, read again (after a refused change: the choices the server kept). */
export function refreshNotifySettings(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.notifySettings(), exact: true });
}
