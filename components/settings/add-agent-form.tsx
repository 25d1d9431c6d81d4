"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { fetchJson } from "@/components/fetch-json";
import { useLocale } from "@/components/i18n/locale-provider";
import { queryKeys } from "@/components/query-keys";
import type { UserSummary } from "@/lib/auth/user-summary";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { cardClass, primaryButtonClass } from "./styles";
import { TextField } from "./text-field";
import type { UserListResponse } from "./use-user-list";

type Fields = { name: string; email: string; password: string };
const EMPTY: Fields = { name: "", email: "", password: "" };
export const PASSWORD_MIN_LENGTH = 10;

/** Adds an agent with an initial password; which accounts they work is chosen on their card afterwards. */
export function AddAgentForm() {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const id = useId();
  const headingId = `${id}-heading`;
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [invalid, setInvalid] = useState<Partial<Record<keyof Fields, string>>>({});
  const [success, setSuccess] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const add = useMutation({
    mutationFn: (input: Fields) =>
      fetchJson<{ user: UserSummary }>("/api/admin/users", { method: "POST", body: JSON.stringify({ ...input, role: "AGENT" }) }),
    onSuccess: ({ user }) => {
      setFields(EMPTY);
      setSuccess(t.agentAdded(user.name));
      queryClient.setQueryData<UserListResponse>(queryKeys.users(), (list) => (list ? { users: [...list.users, user] } : list));
      void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
    },
  });

  function validate(input: Fields): Partial<Record<keyof Fields, string>> {
    const problems: Partial<Record<keyof Fields, string>> = {};
    if (!input.name.trim()) problems.name = t.required(t.agentName);
    if (!input.email.trim()) problems.email = t.required(t.email);
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) problems.email = t.invalidEmail;
    if (input.password.length < PASSWORD_MIN_LENGTH) problems.password = t.minLength(t.initialPassword, PASSWORD_MIN_LENGTH);
    return problems;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    const problems = validate(fields);
    setInvalid(problems);
    const inputs = { name: nameRef, email: emailRef, password: passwordRef };
    const first = (Object.keys(inputs) as (keyof Fields)[]).find((key) => problems[key]);
    if (first) {
      inputs[first].current?.focus();
      return;
    }
    add.mutate({ name: fields.name.trim(), email: fields.email.trim(), password: fields.password });
  }

  const set = (key: keyof Fields) => (value: string) => setFields((current) => ({ ...current, [key]: value }));

  return (
    <section aria-labelledby={headingId} className={cardClass}>
      <h2 id={headingId} className="mb-4 text-lg font-semibold">
        {t.addAgent}
      </h2>
      <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-3">
        <TextField
          ref={nameRef}
          label={t.agentName}
          id={`${id}-name`}
          name="name"
          autoComplete="off"
          required
          value={fields.name}
          error={invalid.name}
          onChange={(event) => set("name")(event.target.value)}
        />
        <TextField
          ref={emailRef}
          label={t.email}
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="off"
          required
          value={fields.email}
          error={invalid.email}
          onChange={(event) => set("email")(event.target.value)}
        />
        <TextField
          ref={passwordRef}
          label={t.initialPassword}
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={t.passwordHint}
          value={fields.password}
          error={invalid.password}
          onChange={(event) => set("password")(event.target.value)}
        />
        <FormMessage error={add.isError ? describeSettingsError(add.error, locale, "addUser") : null} success={success} />
        <div>
          <button type="submit" className={primaryButtonClass} disabled={add.isPending} aria-busy={add.isPending}>
            {add.isPending ? t.working : t.addAgentButton}
          </button>
        </div>
      </form>
    </section>
  );
}
