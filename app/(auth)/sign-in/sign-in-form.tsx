"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useLocale } from "@/components/i18n/locale-provider";
import { DEFAULT_DESTINATION, safeRedirectPath } from "@/lib/auth/safe-redirect-path";
import { AuthField } from "../auth-field";
import { authMessages } from "../messages";
import { describeSignInError } from "./describe-sign-in-error";

/** Only a path on this site (lib/auth/safe-redirect-path.ts), and never the sign-in page again. */
function safeDestination(callbackUrl: string | null): string {
  const path = safeRedirectPath(callbackUrl, window.location.origin);
  return path === "/sign-in" || path.startsWith("/sign-in?") || path.startsWith("/sign-in/") ? DEFAULT_DESTINATION : path;
}

export function SignInForm() {
  const locale = useLocale();
  const t = authMessages[locale];
  const router = useRouter();
  const searchParams = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(() => describeSignInError(searchParams.get("error"), locale));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(safeDestination(searchParams.get("callbackUrl")));
        router.refresh();
        return;
      }
      setError(describeSignInError(result?.error, locale) ?? t.unavailable);
    } catch {
      setError(t.unavailable);
    }
    setSubmitting(false);
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <AuthField label={t.email} id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <AuthField
        label={t.password}
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
        {error}
      </div>
      <button
        type="submit"
        disabled={submitting}
        aria-busy={submitting}
        className="min-h-11 w-full rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        {submitting ? t.signingIn : t.signIn}
      </button>
    </form>
  );
}
