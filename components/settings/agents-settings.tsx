"use client";

import { useLocale } from "@/components/i18n/locale-provider";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { UserSummary } from "@/lib/auth/user-summary";
import { AddAgentForm } from "./add-agent-form";
import { AgentCard } from "./agent-card";
import { ListLoadError } from "./list-load-error";
import { settingsMessages } from "./messages";
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
      {users.isError && <ListLoadError error={users.error} onRetry={() => void users.refetch()} />}
      <ul aria-label={t.agents} className="space-y-4">
        {(users.data?.users ?? []).map((user) => (
          <AgentCard key={user.id} user={user} accounts={accounts.data?.accounts ?? []} isCurrentUser={user.id === currentUserId} />
        ))}
      </ul>
      <AddAgentForm />
    </div>
  );
}
