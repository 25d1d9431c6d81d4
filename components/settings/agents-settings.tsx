"use client";

import { useLocale } from "@/components/i18n/locale-provider";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { UserSummary } from "@/lib/auth/user-summary";
import { AddAgentForm } from "./add-agent-form";
import { AgentCard } from "./agent-card";
import { describeSettingsError } from "./describe-settings-error";
import { settingsMessages } from "./messages";
import { buttonClass } from "./styles";
import { useAccountList } from "./use-account-list";
import { useUserList } from "./use-user-list";

/** Settings → Agents: everyone who signs in, what they may work, and the form to add an agent. */
export function AgentsSettings({
  initialUsers,
  initialAccounts,
  currentUserId,
}: {
  initialUsers: UserSummary[];
  initialAccounts: AccountSummary[];
  currentUserId: string;
}) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const users = useUserList(initialUsers);
  const accounts = useAccountList(initialAccounts);

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">{t.agentsIntro}</p>
      {users.isError && (
        <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700">
          {t.loadFailed} {describeSettingsError(users.error, locale, "load")}
          <button type="button" className={buttonClass} onClick={() => void users.refetch()}>
            {t.retry}
          </button>
        </div>
      )}
      <ul aria-label={t.agents} className="space-y-4">
        {(users.data?.users ?? []).map((user) => (
          <AgentCard key={user.id} user={user} accounts={accounts.data?.accounts ?? []} isCurrentUser={user.id === currentUserId} />
        ))}
      </ul>
      <AddAgentForm />
    </div>
  );
}
