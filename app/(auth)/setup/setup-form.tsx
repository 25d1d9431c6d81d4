"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useLocale } from "@/components/i18n/locale-provider";
import { AuthField } from "../auth-field";
import { authMessages } from "../messages";

export function SetupForm() {
  const locale = useLocale();
  const t = authMessages[locale];
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
        const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        // The server's words are English; another language gets them by the error's code.
        const serverWords = locale === "en" ? body?.error?.message : undefined;
        setError(serverWords ?? (body?.error?.code === "invalid_input" ? t.setupInvalid : t.setupFailed));
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
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <AuthField label={t.yourName} id="name" name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
      <AuthField label={t.email} id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <AuthField
        label={t.password}
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        aria-describedby="password-hint"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
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
        className="w-full rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        {submitting ? t.creating : t.createAdmin}
      </button>
    </form>
  );
}
