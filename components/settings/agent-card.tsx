"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fetchJson } from "@/components/fetch-json";
import { useLocale } from "@/components/i18n/locale-provider";
import { refreshUsers, replaceUser } from "@/components/query-cache/user-cache";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import type { UserSummary } from "@/lib/auth/user-summary";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/user-fields";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { buttonClass, cardClass, primaryButtonClass } from "./styles";
import { TextField } from "./text-field";

type UserPatch = { role?: "ADMIN" | "AGENT"; active?: boolean; password?: string };

/** One user: who they are, and what an administrator can change (role, active, password, accounts). */
export function AgentCard({ user, accounts, isCurrentUser }: { user: UserSummary; accounts: AccountSummary[]; isCurrentUser: boolean }) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const queryClient = useQueryClient();
  const [resetting, setResetting] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = `user-${user.id}`;
  const url = `/api/admin/users/${encodeURIComponent(user.id)}`;

  const patch = useMutation({
    mutationFn: (body: UserPatch) => fetchJson<{ user: UserSummary }>(url, { method: "PATCH", body: JSON.stringify(body) }),
    scope: { id: `user-${user.id}` },
    onMutate: () => {
      setError(null);
      setSuccess(null);
    },
    onSuccess: ({ user: updated }, body) => {
      replaceUser(queryClient, updated);
      if (body.password !== undefined) {
        setResetting(false);
        setSuccess(t.passwordReset);
      } else {
        setSuccess(t.saved);
      }
    },
    onError: (cause) => {
      setError(describeSettingsError(cause, locale));
    },
    onSettled: () => refreshUsers(queryClient),
  });

  // Which accounts an agent works is safe to show at once: the boxes follow the click, the server's answer follows
  // (one user's saves go out in order), and a refusal puts back what the server has.
  const [draftAccountIds, setDraftAccountIds] = useState<string[] | null>(null);
  const latestDraft = useRef<string[] | null>(null);
  const shownAccountIds = draftAccountIds ?? user.accountIds;
  const saveAccounts = useMutation({
    mutationFn: (accountIds: string[]) => fetchJson<{ user: UserSummary }>(url, { method: "PATCH", body: JSON.stringify({ accountIds }) }),
    scope: { id: `user-${user.id}` },
    onSuccess: ({ user: updated }) => {
      replaceUser(queryClient, updated);
      setError(null);
      setSuccess(t.saved);
    },
    onError: (cause) => {
      latestDraft.current = null;
      setDraftAccountIds(null);
      setSuccess(null);
      setError(describeSettingsError(cause, locale));
    },
    onSettled: (_result, _error, accountIds) => {
      if (latestDraft.current === accountIds) {
        latestDraft.current = null;
        setDraftAccountIds(null);
      }
      return refreshUsers(queryClient);
    },
  });

  function toggleAccount(accountId: string, checked: boolean) {
    const next = new Set(shownAccountIds);
    if (checked) next.add(accountId);
    else next.delete(accountId);
    const accountIds = [...next];
    latestDraft.current = accountIds;
    setDraftAccountIds(accountIds);
    saveAccounts.mutate(accountIds);
  }

  const isAdmin = user.role === "ADMIN";

  return (
    <li aria-labelledby={headingId} className={cardClass}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {user.name}
        {isCurrentUser && <span className="ml-2 text-sm font-normal text-slate-600">({t.you})</span>}
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{t.email}</dt>
        <dd>{user.email}</dd>
        <dt className="font-medium text-slate-600">{t.role}</dt>
        <dd>{t.roles(user.role)}</dd>
        <dt className="font-medium text-slate-600">{t.status}</dt>
        <dd className={user.active ? "text-green-800" : "text-red-700"}>{user.active ? t.active : t.deactivated}</dd>
      </dl>

      <fieldset className="mt-4">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t.accountsFor(user.name)}</legend>
        {isAdmin ? (
          <p className="text-sm text-slate-600">{t.adminWorksAll}</p>
        ) : accounts.length === 0 ? (
          <p className="text-sm text-slate-600">{t.noAccountsToGive}</p>
        ) : (
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            {accounts.map((account) => (
              <li key={account.id}>
                <label className="inline-flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 accent-blue-700"
                    checked={shownAccountIds.includes(account.id)}
                    onChange={(event) => toggleAccount(account.id, event.target.checked)}
                  />
                  {account.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <div role="group" aria-label={t.actionsFor(user.name)} className="mt-4 flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={patch.isPending} onClick={() => patch.mutate({ active: !user.active })}>
          {user.active ? t.deactivate : t.reactivate}
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={patch.isPending}
          onClick={() => patch.mutate({ role: isAdmin ? "AGENT" : "ADMIN" })}
        >
          {isAdmin ? t.makeAgent : t.makeAdmin}
        </button>
        <button type="button" className={buttonClass} aria-expanded={resetting} onClick={() => setResetting(!resetting)}>
          {t.resetPassword}
        </button>
        </div>

      {resetting && (
        <ResetPasswordForm
          userId={user.id}
          pending={patch.isPending}
          onSubmit={(password) => patch.mutate({ password })}
          onCancel={() => setResetting(false)}
        />
      )}

      <div className="mt-3">
        <FormMessage error={error} success={success} />
      </div>
    </li>
  );
}

function ResetPasswordForm({
  userId,
  pending,
  onSubmit,
  onCancel,
}: {
  userId: string;
  pending: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const t = settingsMessages[useLocale()];
  const [password, setPassword] = useState("");
  const [invalid, setInvalid] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) return setInvalid(t.minLength(t.newPassword, PASSWORD_MIN_LENGTH));
    setInvalid(undefined);
    onSubmit(password);
  }
  return (
    <form onSubmit={submit} noValidate className="mt-3 flex max-w-xl flex-wrap items-end gap-2">
      <div className="min-w-60 flex-1">
        <TextField
          ref={inputRef}
          label={t.newPassword}
          id={`password-${userId}`}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={password}
          error={invalid}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <button type="submit" className={primaryButtonClass} disabled={pending} aria-busy={pending}>
        {t.savePassword}
      </button>
      <button type="button" className={buttonClass} onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
