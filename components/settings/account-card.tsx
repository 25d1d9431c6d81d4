"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fetchJson } from "@/components/fetch-json";
import { formatDate, formatDateTime } from "@/components/i18n/format";
import { useLocale } from "@/components/i18n/locale-provider";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import { ConfirmDialog } from "./confirm-dialog";
import { describeSettingsError } from "./describe-settings-error";
import { describeApiError } from "@/components/i18n/describe-api-error";
import type { AppErrorBody } from "@/lib/errors/app-error";
import { describeSyncStatus } from "./describe-sync-status";
import { FormMessage } from "./form-message";
import { AutoAssignSection } from "./auto-assign-section";
import { PushSection } from "./push-section";
import { settingsMessages } from "./messages";
import { buttonClass, cardClass, primaryButtonClass } from "./styles";
import { TextField } from "./text-field";
import { useAccountListUpdater } from "./use-account-list";

type ConnectionCheck = { connectionStatus: AccountSummary["connectionStatus"]; problem: AppErrorBody["error"] | null };
type PatchResponse = { account: AccountSummary; check?: ConnectionCheck };
type Editing = "none" | "rename" | "key";

const API_KEY_MIN_LENGTH = 8;

/** One seller account: what the inbox knows of it, and what an administrator can do with it. */
export function AccountCard({ account, onRemoved }: { account: AccountSummary; onRemoved: (name: string) => void }) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const { replace, refresh } = useAccountListUpdater();
  const [editing, setEditing] = useState<Editing>("none");
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/accounts/${encodeURIComponent(account.id)}`;
  const headingId = `account-${account.id}`;

  const patch = useMutation({
    mutationFn: (body: { name?: string; apiKey?: string; testConnection?: true }) =>
      fetchJson<PatchResponse>(url, { method: "PATCH", body: JSON.stringify(body) }),
    onMutate: () => {
      setError(null);
      setSuccess(null);
    },
    onSuccess: (result, body) => {
      void replace(result.account);
      setEditing("none");
      if (body.testConnection && result.check) setCheckOutcome(result.check);
      else setSuccess(body.apiKey !== undefined ? t.keyReplaced : t.renamed);
    },
    onError: (cause) => setError(describeSettingsError(cause, locale)),
  });

  const sync = useMutation({
    mutationFn: () => fetchJson<{ requested: true }>(`${url}/sync`, { method: "POST" }),
    onMutate: () => {
      setError(null);
      setSuccess(null);
    },
    onSuccess: () => {
      setSuccess(t.syncRequested);
      void refresh();
    },
    onError: (cause) => setError(describeSettingsError(cause, locale)),
  });

  const remove = useMutation({
    mutationFn: () => fetchJson<null>(url, { method: "DELETE" }),
    onSuccess: () => {
      setConfirmingRemove(false);
      onRemoved(account.name);
      void refresh();
    },
  });

  function setCheckOutcome(check: ConnectionCheck) {
    if (check.connectionStatus === "OK") return setSuccess(t.connectionWorks);
    setError(check.problem ? describeApiError(locale, { code: check.problem.code, params: check.problem }) : t.ozonUnavailable);
  }

  const busy = patch.isPending || sync.isPending || remove.isPending;
  const importing = account.sync.phase === "IMPORTING";

  return (
    <li aria-labelledby={headingId} className={cardClass}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {account.name}
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{t.clientId}</dt>
        <dd className="font-mono">{account.clientId}</dd>
        <dt className="font-medium text-slate-600">{t.key}</dt>
        <dd className="font-mono" data-testid="api-key-last4">
          {t.keyEndingIn(account.apiKeyLast4)}
        </dd>
        <dt className="font-medium text-slate-600">{t.keyExpires}</dt>
        <dd>
          {account.keyExpiresAt ? (
            <time dateTime={account.keyExpiresAt} suppressHydrationWarning>
              {formatDate(locale, account.keyExpiresAt)}
            </time>
          ) : (
            t.keyExpiryUnknown
          )}
          {account.keyExpiresSoon && (
            <p className="mt-1 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-amber-900">
              {t.keyExpiresSoon}
            </p>
          )}
        </dd>
        <dt className="font-medium text-slate-600">{t.subscription}</dt>
        <dd>{t.premium(account.premiumStatus)}</dd>
        <dt className="font-medium text-slate-600">{t.connection}</dt>
        <dd className={account.connectionStatus === "OK" ? "text-green-800" : account.connectionStatus === "UNKNOWN" ? "" : "text-red-700"}>
          {t.connectionStatus(account.connectionStatus)}
        </dd>
        <dt className="font-medium text-slate-600">{t.syncStatus}</dt>
        <dd>
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="sync-status">{describeSyncStatus(account.sync, locale)}</span>
            {importing && (
              <progress aria-label={t.importProgress} max={Math.max(account.sync.chatsTotal, 1)} value={account.sync.chatsDone} className="h-2 w-40" />
            )}
          </span>
          {account.sync.buyerChatsRefusedAt && (
            <p data-testid="buyer-chats-refused" className="mt-1 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-amber-900">
              {t.buyerChatsRefused}
            </p>
          )}
          {account.sync.reviewsRefusedAt && (
            <p data-testid="reviews-refused" className="mt-1 rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-amber-900">
              {t.reviewsRefused}
            </p>
          )}
        </dd>
        <dt className="font-medium text-slate-600">{t.lastSync}</dt>
        <dd>
          {account.lastSyncAt ? (
            <time dateTime={account.lastSyncAt} suppressHydrationWarning>
              {formatDateTime(locale, account.lastSyncAt)}
            </time>
          ) : (
            t.neverSynced
          )}
        </dd>
        {account.sync.lastError && (
          <>
            <dt className="font-medium text-slate-600">{t.lastSyncError}</dt>
            <dd className="text-red-700">
              {account.sync.lastErrorAt && (
                <time dateTime={account.sync.lastErrorAt} suppressHydrationWarning className="mr-2 text-slate-600">
                  {formatDateTime(locale, account.sync.lastErrorAt)}
                </time>
              )}
              {account.sync.lastError}
            </dd>
          </>
        )}
      </dl>

      <div role="group" aria-label={t.actionsFor(account.name)} className="mt-4 flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={busy} onClick={() => patch.mutate({ testConnection: true })}>
          {patch.isPending && patch.variables?.testConnection ? t.testing : t.testConnection}
        </button>
        <button type="button" className={buttonClass} disabled={busy} onClick={() => sync.mutate()}>
          {t.syncNow}
        </button>
        <button
          type="button"
          className={buttonClass}
          aria-expanded={editing === "rename"}
          onClick={() => setEditing(editing === "rename" ? "none" : "rename")}
        >
          {t.rename}
        </button>
        <button
          type="button"
          className={buttonClass}
          aria-expanded={editing === "key"}
          onClick={() => setEditing(editing === "key" ? "none" : "key")}
        >
          {t.replaceKey}
        </button>
        <button type="button" className={buttonClass} disabled={busy} onClick={() => setConfirmingRemove(true)}>
          {t.remove}
        </button>
      </div>

      {editing === "rename" && (
        <RenameForm
          key="rename"
          accountId={account.id}
          currentName={account.name}
          pending={patch.isPending}
          onSubmit={(name) => patch.mutate({ name })}
          onCancel={() => setEditing("none")}
        />
      )}
      {editing === "key" && (
        <ReplaceKeyForm key="key" accountId={account.id} pending={patch.isPending} onSubmit={(apiKey) => patch.mutate({ apiKey })} onCancel={() => setEditing("none")} />
      )}

      <div className="mt-3" data-testid="account-message">
        <FormMessage error={error} success={success} />
      </div>

      <PushSection accountId={account.id} accountName={account.name} />
      <AutoAssignSection accountId={account.id} />

      <ConfirmDialog
        open={confirmingRemove}
        title={t.removeAccountTitle(account.name)}
        body={t.removeAccountBody}
        confirmLabel={t.removeConfirm}
        cancelLabel={t.cancel}
        pending={remove.isPending}
        error={remove.isError ? describeSettingsError(remove.error, locale) : null}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirmingRemove(false);
          remove.reset();
        }}
      />
    </li>
  );
}

type InlineFormProps = { accountId: string; pending: boolean; onCancel: () => void };

function RenameForm({ accountId, currentName, pending, onSubmit, onCancel }: InlineFormProps & { currentName: string; onSubmit: (name: string) => void }) {
  const t = settingsMessages[useLocale()];
  const [name, setName] = useState(currentName);
  const inputRef = useFocusOnMount();
  const [invalid, setInvalid] = useState<string | undefined>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return setInvalid(t.required(t.newName));
    setInvalid(undefined);
    onSubmit(name.trim());
  }
  return (
    <form onSubmit={submit} noValidate className="mt-3 flex max-w-xl flex-wrap items-end gap-2">
      <div className="min-w-60 flex-1">
        <TextField
          label={t.newName}
          id={`rename-${accountId}`}
          autoComplete="off"
          required
          value={name}
          error={invalid}
          onChange={(event) => setName(event.target.value)}
          ref={inputRef}
        />
      </div>
      <button type="submit" className={primaryButtonClass} disabled={pending} aria-busy={pending}>
        {t.saveName}
      </button>
      <button type="button" className={buttonClass} onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}

function ReplaceKeyForm({ accountId, pending, onSubmit, onCancel }: InlineFormProps & { onSubmit: (apiKey: string) => void }) {
  const t = settingsMessages[useLocale()];
  const [apiKey, setApiKey] = useState("");
  const inputRef = useFocusOnMount();
  const [invalid, setInvalid] = useState<string | undefined>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const key = apiKey.trim();
    if (!key) return setInvalid(t.required(t.newApiKey));
    if (/\s/.test(key)) return setInvalid(t.noSpaces(t.newApiKey));
    if (key.length < API_KEY_MIN_LENGTH) return setInvalid(t.minLength(t.newApiKey, API_KEY_MIN_LENGTH));
    setInvalid(undefined);
    onSubmit(key);
  }
  return (
    <form onSubmit={submit} noValidate className="mt-3 flex max-w-xl flex-wrap items-end gap-2">
      <div className="min-w-60 flex-1">
        <TextField
          label={t.newApiKey}
          id={`api-key-${accountId}`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={apiKey}
          error={invalid}
          onChange={(event) => setApiKey(event.target.value)}
          ref={inputRef}
        />
      </div>
      <button type="submit" className={primaryButtonClass} disabled={pending} aria-busy={pending}>
        {t.saveKey}
      </button>
      <button type="button" className={buttonClass} onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}


/** An inline form opens with its field focused, once: later renders must not pull focus back. */
function useFocusOnMount() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
