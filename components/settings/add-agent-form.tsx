"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { z } from "zod";
import { fetchJson } from "@/components/fetch-json";
import { describeFieldIssue } from "@/components/forms/describe-field-issue";
import { useZodForm } from "@/components/forms/use-zod-form";
import { useLocale } from "@/components/i18n/locale-provider";
import { addUser, refreshUsers } from "@/components/query-cache/user-cache";
import { PASSWORD_MIN_LENGTH, emailSchema, passwordSchema, personNameSchema } from "@/lib/auth/user-fields";
import type { UserSummary } from "@/lib/auth/user-summary";
import { describeSettingsError } from "./describe-settings-error";
import { FormMessage } from "./form-message";
import { settingsMessages } from "./messages";
import { cardClass, primaryButtonClass } from "./styles";
import { TextField } from "./text-field";

const EMPTY = { name: "", email: "", password: "" };
// The server's own rules for these fields (POST /api/admin/users checks the same).
const addAgentSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });

/** Adds an agent with an initial password; which accounts they work is chosen on their card afterwards. */
export function AddAgentForm() {
  const locale = useLocale();
  const t = settingsMessages[locale];
  const id = useId();
  const headingId = `${id}-heading`;
  const queryClient = useQueryClient();
  const [success, setSuccess] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (input: z.output<typeof addAgentSchema>) =>
      fetchJson<{ user: UserSummary }>("/api/admin/users", { method: "POST", body: JSON.stringify({ ...input, role: "AGENT" }) }),
    onSuccess: ({ user }) => {
      form.reset();
      setSuccess(t.agentAdded(user.name));
      addUser(queryClient, user);
      void refreshUsers(queryClient);
    },
  });
  const labels = { name: t.agentName, email: t.email, password: t.initialPassword };
  const form = useZodForm({
    schema: addAgentSchema,
    initial: EMPTY,
    describe: (name, issue, blank) => describeFieldIssue(t, labels[name], issue, blank),
    onEdit: () => {
      if (add.isError) add.reset();
      setSuccess(null);
    },
  });

  return (
    <section aria-labelledby={headingId} className={cardClass}>
      <h2 id={headingId} className="mb-4 text-lg font-semibold">
        {t.addAgent}
      </h2>
      <form onSubmit={form.submit((input) => add.mutate(input))} noValidate className="grid max-w-xl gap-3">
        <TextField
          {...form.field("name")}
          label={t.agentName}
          id={`${id}-name`}
          autoComplete="off"
          required
        />
        <TextField
          {...form.field("email")}
          label={t.email}
          id={`${id}-email`}
          type="email"
          autoComplete="off"
          required
        />
        <TextField
          {...form.field("password")}
          label={t.initialPassword}
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          hint={t.passwordHint}
        />
        <FormMessage error={add.isError ? describeSettingsError(add.error, locale) : null} success={success} />
        <div>
          <button type="submit" className={primaryButtonClass} disabled={add.isPending} aria-busy={add.isPending}>
            {add.isPending ? t.working : t.addAgentButton}
          </button>
        </div>
      </form>
    </section>
  );
}
