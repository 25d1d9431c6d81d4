import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { Locale } from "@/lib/i18n/locales";
import { settingsMessages } from "./messages";

/** Where an account's sync stands, in words: the import's progress while it runs ("chats done of total"). */
export function describeSyncStatus(sync: AccountSummary["sync"], locale: Locale): string {
  const t = settingsMessages[locale];
  if (sync.phase === "IMPORTING") return t.importing(sync.chatsDone, sync.chatsTotal);
  if (sync.phase === "INCREMENTAL") return t.syncIncremental;
  return t.syncIdle;
}
