"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { formatDateTime } from "@/components/i18n/format";
import { useLocale } from "@/components/i18n/locale-provider";
import { setPushSettings } from "@/components/query-cache/account-cache";
import { queryKeys } from "@/components/query-keys";
import { FormStatus } from "@/components/ui/form-status";
import type { PushSettings } from "@/lib/push/get-push-settings";
import { ConfirmDialog } from "./confirm-dialog";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { buttonClass, inputClass } from "./styles";

type PushAnswer = { push: PushSettings };

/**
 * An account's push notifications, on its card (the settings pages are for administrators; agents never get the URL,
 * which holds the secret): the URL to give Ozon, the portal steps, the last push, a new URL, the networks option.
 */
export function PushSection({ accountId, accountName }: { accountId: string; accountName: string }) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const queryClient = useQueryClient();
  const key = queryKeys.account(accountId).push();
  const url = `/api/accounts/${encodeURIComponent(accountId)}/push`;
  const headingId = useId();
  const urlId = useId();
  const hintId = useId();
  const [confirming, setConfirming] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const settings = useQuery({ queryKey: key, queryFn: () => fetchJson<PushAnswer>(url) });
  const store = (answer: PushAnswer) => setPushSettings(queryClient, accountId, answer);

  const reissue = useMutation({
    mutationFn: () => fetchJson<PushAnswer>(url, { method: "POST" }),
    onSuccess: (answer) => {
      store(answer);
      setConfirming(false);
      setError(null);
      setSuccess(t.reissued);
    },
  });
  const networks = useMutation({
    mutationFn: (ozonNetworksOnly: boolean) => fetchJson<PushAnswer>(url, { method: "PATCH", body: JSON.stringify({ ozonNetworksOnly }) }),
    onMutate: () => {
      setError(null);
      setSuccess(null);
    },
    onSuccess: (answer) => {
      store(answer);
      setSuccess(t.saved);
    },
    onError: (cause) => setError(describeSettingsError(cause, locale)),
  });

  async function copy(text: string) {
    setError(null);
    try {
      await navigator.clipboard.writeText(text);
      setSuccess(t.copied);
    } catch {
      setSuccess(null);
      setError(t.copyFailed);
    }
  }

  const push = settings.data?.push;
  return (
    <section aria-labelledby={headingId} className="mt-4 border-t border-slate-200 pt-3">
      <h3 id={headingId} className="mb-1 font-semibold">
        {t.push}
      </h3>
      <p className="mb-2 text-sm text-slate-600">{t.pushIntro}</p>
      <FormStatus read={settings} pendingText={t.pushLoading} describeError={(e) => describeSettingsError(e, locale)} retryLabel={t.retry} buttonClassName={buttonClass} />
      {push && (
        <>
          <label htmlFor={urlId} className="block text-sm font-medium text-slate-700">
            {t.pushUrl}
          </label>
          <div className="mt-1 flex max-w-3xl gap-2">
            <input
              id={urlId}
              readOnly
              value={push.url}
              className={`${inputClass} font-mono`}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="push-url"
            />
            <button type="button" className={buttonClass} onClick={() => void copy(push.url)}>
              {t.copy}
            </button>
          </div>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer">{t.pushSteps}</summary>
            <ol className="mt-1 list-decimal space-y-1 pl-6">
              <li>{t.pushStep1}</li>
              <li>{t.pushStep2}</li>
              <li>{t.pushStep3}</li>
              <li>{t.pushStep4}</li>
              <li>{t.pushStep5}</li>
            </ol>
          </details>
          <p className="mt-2 text-sm">
            <span className="font-medium text-slate-600">{t.lastPush}: </span>
            {push.lastPushAt ? (
              <time dateTime={push.lastPushAt} suppressHydrationWarning>
                {formatDateTime(locale, push.lastPushAt)}
              </time>
            ) : (
              t.noPushYet
            )}
          </p>
          <div className="mt-2 flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              id={`${urlId}-networks`}
              className="mt-1"
              checked={push.ozonNetworksOnly}
              disabled={networks.isPending}
              aria-describedby={hintId}
              onChange={(event) => networks.mutate(event.target.checked)}
            />
            <div>
              <label htmlFor={`${urlId}-networks`}>{t.ozonNetworksOnly}</label>
              <p id={hintId} className="text-slate-600">
                {t.ozonNetworksHint(push.networks.join(", "))}
              </p>
            </div>
          </div>
          <div className="mt-2">
            <button type="button" className={buttonClass} onClick={() => setConfirming(true)} aria-label={`${t.reissuePush} (${accountName})`}>
              {t.reissuePush}
            </button>
          </div>
        </>
      )}
      <div className="mt-2">
        <FormMessage error={error} success={success} />
      </div>
      <ConfirmDialog
        open={confirming}
        title={t.reissueTitle}
        body={t.reissueBody}
        confirmLabel={t.reissueConfirm}
        cancelLabel={t.cancel}
        pending={reissue.isPending}
        error={reissue.isError ? describeSettingsError(reissue.error, locale) : null}
        onConfirm={() => reissue.mutate()}
        onCancel={() => {
          setConfirming(false);
          reissue.reset();
        }}
      />
    </section>
  );
}
