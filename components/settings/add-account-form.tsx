"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { describeFieldIssue } from "@/components/forms/describe-field-issue";
import { useZodForm } from "@/components/forms/use-zod-form";
import { useLocale } from "@/components/i18n/locale-provider";
import { createSellerAccountInputSchema, type CreateSellerAccountInput } from "@/lib/accounts/create-seller-account-input";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { cardClass, primaryButtonClass } from "./styles";
import { TextField } from "./text-field";
import { useAccountListUpdater } from "./use-account-list";

const EMPTY = { name: "", clientId: "", apiKey: "" };

/** Connects a seller account; the server tries the keys with Ozon and refuses, in words, what Ozon refuses. */
export function AddAccountForm() {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const id = useId();
  const headingId = `${id}-heading`;
  const { replace } = useAccountListUpdater();
  const [success, setSuccess] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (input: CreateSellerAccountInput) =>
      fetchJson<{ account: AccountSummary }>("/api/accounts", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: ({ account }) => {
      form.reset();
      setSuccess(t.added(account.name));
      void replace(account);
    },
  });
  const labels = { name: t.name, clientId: t.clientId, apiKey: t.apiKey };
  const form = useZodForm({
    schema: createSellerAccountInputSchema,
    initial: EMPTY,
    describe: (name, issue, blank) =>
      name === "clientId" && issue.code === "custom" ? t.clientIdNotNumber : describeFieldIssue(t, labels[name], issue, blank),
    onEdit: () => {
      // A new attempt: the last answer (an error or "added") no longer applies.
      if (add.isError) add.reset();
      setSuccess(null);
    },
  });

  return (
    <section aria-labelledby={headingId} className={cardClass}>
      <h2 id={headingId} className="mb-1 text-lg font-semibold">
        {t.addAccount}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t.addAccountIntro}</p>
      <form onSubmit={form.submit((input) => add.mutate(input))} noValidate className="grid max-w-xl gap-3">
        <TextField
          {...form.field("name")}
          label={t.name}
          id={`${id}-name`}
          autoComplete="off"
          required
        />
        <TextField
          {...form.field("clientId")}
          label={t.clientId}
          id={`${id}-client-id`}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          {...form.field("apiKey")}
          label={t.apiKey}
          id={`${id}-api-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <FormMessage error={add.isError ? describeSettingsError(add.error, locale) : null} success={success} />
        <div>
          <button type="submit" className={primaryButtonClass} disabled={add.isPending} aria-busy={add.isPending}>
            {add.isPending ? t.adding : t.add}
          </button>
        </div>
      </form>
    </section>
  );
}
