"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { fetchJson } from "@/components/fetch-json";
import { useLocale } from "@/components/i18n/locale-provider";
import type { AccountSummary } from "@/lib/accounts/load-account-summaries";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { cardClass, primaryButtonClass } from "./styles";
import { TextField } from "./text-field";
import { useAccountListUpdater } from "./use-account-list";

type Fields = { name: string; clientId: string; apiKey: string };
const EMPTY: Fields = { name: "", clientId: "", apiKey: "" };
const API_KEY_MIN_LENGTH = 8;

/** Connects a seller account; the server tries the keys with Ozon and refuses, in words, what Ozon refuses. */
export function AddAccountForm() {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const id = useId();
  const headingId = `${id}-heading`;
  const { replace } = useAccountListUpdater();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [invalid, setInvalid] = useState<Partial<Record<keyof Fields, string>>>({});
  const [success, setSuccess] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const clientIdRef = useRef<HTMLInputElement>(null);
  const apiKeyRef = useRef<HTMLInputElement>(null);

  const add = useMutation({
    mutationFn: (input: Fields) =>
      fetchJson<{ account: AccountSummary }>("/api/accounts", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: ({ account }) => {
      setFields(EMPTY);
      setSuccess(t.added(account.name));
      void replace(account);
    },
  });

  function validate(input: Fields): Partial<Record<keyof Fields, string>> {
    const problems: Partial<Record<keyof Fields, string>> = {};
    if (!input.name.trim()) problems.name = t.required(t.name);
    if (!input.clientId.trim()) problems.clientId = t.required(t.clientId);
    else if (/\s/.test(input.clientId.trim())) problems.clientId = t.noSpaces(t.clientId);
    if (!input.apiKey.trim()) problems.apiKey = t.required(t.apiKey);
    else if (/\s/.test(input.apiKey.trim())) problems.apiKey = t.noSpaces(t.apiKey);
    else if (input.apiKey.trim().length < API_KEY_MIN_LENGTH) problems.apiKey = t.minLength(t.apiKey, API_KEY_MIN_LENGTH);
    return problems;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    const problems = validate(fields);
    setInvalid(problems);
    const inputs = { name: nameRef, clientId: clientIdRef, apiKey: apiKeyRef };
    const first = (Object.keys(inputs) as (keyof Fields)[]).find((key) => problems[key]);
    if (first) {
      inputs[first].current?.focus();
      return;
    }
    add.mutate({ name: fields.name.trim(), clientId: fields.clientId.trim(), apiKey: fields.apiKey.trim() });
  }

  const set = (key: keyof Fields) => (value: string) => setFields((current) => ({ ...current, [key]: value }));

  return (
    <section aria-labelledby={headingId} className={cardClass}>
      <h2 id={headingId} className="mb-1 text-lg font-semibold">
        {t.addAccount}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t.addAccountIntro}</p>
      <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-3">
        <TextField
          ref={nameRef}
          label={t.name}
          id={`${id}-name`}
          name="name"
          autoComplete="off"
          required
          value={fields.name}
          error={invalid.name}
          onChange={(event) => set("name")(event.target.value)}
        />
        <TextField
          ref={clientIdRef}
          label={t.clientId}
          id={`${id}-client-id`}
          name="clientId"
          autoComplete="off"
          spellCheck={false}
          required
          value={fields.clientId}
          error={invalid.clientId}
          onChange={(event) => set("clientId")(event.target.value)}
        />
        <TextField
          ref={apiKeyRef}
          label={t.apiKey}
          id={`${id}-api-key`}
          name="apiKey"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={fields.apiKey}
          error={invalid.apiKey}
          onChange={(event) => set("apiKey")(event.target.value)}
        />
        <FormMessage error={add.isError ? describeSettingsError(add.error, locale, "addAccount") : null} success={success} />
        <div>
          <button type="submit" className={primaryButtonClass} disabled={add.isPending} aria-busy={add.isPending}>
            {add.isPending ? t.adding : t.add}
          </button>
        </div>
      </form>
    </section>
  );
}
