"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { describeFieldIssue } from "@/components/forms/describe-field-issue";
import { useZodForm } from "@/components/forms/use-zod-form";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale } from "@/components/i18n/locale-provider";
import type { AppErrorBody } from "@/lib/errors/app-error";
import { PASSWORD_MIN_LENGTH, emailSchema, passwordSchema, personNameSchema } from "@/lib/auth/user-fields";
import { AuthField } from "../auth-field";
import { authMessages } from "../messages";

// The server's own rules for the first administrator (POST /api/setup checks the same).
const setupSchema = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });

export function SetupForm() {
  const locale = useLocale();
  const t = authMessages[locale];
  const router = useRouter();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labels = { name: t.yourName, email: t.email, password: t.password };
  const form = useZodForm({
    schema: setupSchema,
    initial: { name: "", email: "", password: "" },
    describe: (field, issue, blank) => describeFieldIssue(t, labels[field], issue, blank),
    onEdit: () => setError(null),
  });

  async function onSubmit({ name, email, password }: z.output<typeof setupSchema>) {
    setSubmitting(true);
    setError(null);
    try {
      const response = await fetch("/api/setup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, email, password }),
      });
      if (response.status === 404) {
        router.replace("/sign-in");
        return;
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as Partial<AppErrorBody> | null;
        const refusal = body?.error;
        setError(refusal?.code === "invalid_input" ? t.setupInvalid : refusal?.code ? describeApiError(locale, { code: refusal.code, params: refusal }) : t.setupFailed);
        setSubmitting(false);
        return;
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      router.replace(result?.ok ? "/" : "/sign-in");
      router.refresh();
    } catch {
      setError(t.unreachable);
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={form.submit((input) => void onSubmit(input))} method="post" className="space-y-4" noValidate>
      <AuthField {...form.field("name")} label={t.yourName} id="name" autoComplete="name" required />
      <AuthField {...form.field("email")} label={t.email} id="email" type="email" autoComplete="username" required />
      <AuthField
        {...form.field("password")}
        label={t.password}
        id="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        aria-describedby="password-hint"
      />
      <p id="password-hint" className="text-xs text-slate-600">
        {t.passwordHint}
      </p>
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
        {error}
      </div>
      <button
        type="submit"
        disabled={submitting}
        aria-busy={submitting}
        className="min-h-11 w-full rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        {submitting ? t.creating : t.createAdmin}
      </button>
    </form>
  );
}
