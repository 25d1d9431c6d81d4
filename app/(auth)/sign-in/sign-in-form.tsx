"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthField } from "../auth-field";

const WRONG_CREDENTIALS = "The email or the password is wrong.";
const UNAVAILABLE = "Signing in did not work. Try again in a minute; if it keeps happening, tell your administrator.";

/** next-auth's error codes in words; our own refusals (too many attempts, deactivated user) arrive already in words. */
function describeError(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return WRONG_CREDENTIALS;
  if (/^[A-Z][A-Za-z]+$/.test(error)) return UNAVAILABLE; // another next-auth code, e.g. "Configuration"
  return error;
}

/** Only a path on this site: a sign-in link must not send anyone elsewhere. */
function safeDestination(callbackUrl: string | null): string {
  if (!callbackUrl) return "/";
  try {
    const url = new URL(callbackUrl, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname.startsWith("/sign-in")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

export function SignInForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(() => describeError(searchParams.get("error")));

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
      setError(describeError(result?.error) ?? UNAVAILABLE);
    } catch {
      setError(UNAVAILABLE);
    }
    setSubmitting(false);
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <AuthField label="Email" id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <AuthField
        label="Password"
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
        className="w-full rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 disabled:opacity-60"
      >
        {submitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
