"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { useLocale } from "@/components/i18n/locale-provider";
import { setAutoAssignSettings } from "@/components/query-cache/account-cache";
import { queryKeys } from "@/components/query-keys";
import { FormStatus } from "@/components/ui/form-status";
import { AUTO_ASSIGN_CAP_MAX, type AutoAssignSettings } from "@/lib/team/get-auto-assign-settings";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { buttonClass, inputClass } from "./styles";

type AutoAssignAnswer = { autoAssign: AutoAssignSettings };

/** An account's automatic assignment, on its card (lib/team/auto-assign-chats.ts): on or off, and the per-agent cap. */
export function AutoAssignSection({ accountId }: { accountId: string }) {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const queryClient = useQueryClient();
  const url = `/api/accounts/${encodeURIComponent(accountId)}/auto-assign`;
  const headingId = useId();
  const toggleId = useId();
  const capId = useId();
  const [cap, setCap] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const settings = useQuery({ queryKey: queryKeys.account(accountId).autoAssign(), queryFn: () => fetchJson<AutoAssignAnswer>(url) });
  const save = useMutation({
    mutationFn: (patch: Partial<AutoAssignSettings>) => fetchJson<AutoAssignAnswer>(url, { method: "PATCH", body: JSON.stringify(patch) }),
    onMutate: () => {
      setError(null);
      setSuccess(null);
    },
    onSuccess: (answer) => {
      setAutoAssignSettings(queryClient, accountId, answer);
      setCap(null);
      setSuccess(t.saved);
    },
    onError: (cause) => setError(describeSettingsError(cause, locale)),
  });

  const current = settings.data?.autoAssign;
  // The switch shows the choice at once, while the server takes it (back to the server's value if it refuses).
  const enabled = save.isPending && save.variables.enabled !== undefined ? save.variables.enabled : current?.enabled;
  return (
    <section aria-labelledby={headingId} className="mt-4 border-t border-slate-200 pt-3" data-testid="auto-assign">
      <h3 id={headingId} className="mb-1 font-semibold">
        {t.autoAssign}
      </h3>
      <p className="mb-2 max-w-3xl text-sm text-slate-600">{t.autoAssignIntro}</p>
      <FormStatus read={settings} pendingText={t.autoAssignLoading} describeError={(e) => describeSettingsError(e, locale)} retryLabel={t.retry} buttonClassName={buttonClass} />
      {current && (
        <>
          {/* Touch-sized on phones, like the buttons. */}
          <div className="flex min-h-11 items-center gap-2 text-sm md:min-h-0">
            <input
              type="checkbox"
              id={toggleId}
              className="h-5 w-5"
              checked={enabled}
              disabled={save.isPending}
              onChange={(event) => save.mutate({ enabled: event.target.checked })}
            />
            <label htmlFor={toggleId} className="flex min-h-11 items-center md:min-h-0">
              {t.autoAssignOn}
            </label>
          </div>
          <form
            className="mt-2 flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate({ cap: Number(cap ?? current.cap) });
            }}
          >
            <div>
              <label htmlFor={capId} className="block text-sm font-medium text-slate-700">
                {t.autoAssignCap}
              </label>
              <input
                id={capId}
                type="number"
                inputMode="numeric"
                min={1}
                max={AUTO_ASSIGN_CAP_MAX}
                required
                className={`${inputClass} mt-1 max-w-28`}
                value={cap ?? String(current.cap)}
                onChange={(event) => setCap(event.target.value)}
              />
            </div>
            <button type="submit" className={buttonClass} disabled={save.isPending || cap === null}>
              {t.autoAssignSave}
            </button>
          </form>
        </>
      )}
      <div className="mt-2">
        <FormMessage error={error} success={success} />
      </div>
    </section>
  );
}
