"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthField } from "../auth-field";

export function SetupForm() {
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
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "Setup did not work. Try again.");
        setSubmitting(false);
        return;
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      router.replace(result?.ok ? "/" : "/sign-in");
      router.refresh();
    } catch {
      setError("The server could not be reached. Try again.");
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <AuthField label="Your name" id="name" name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
      <AuthField label="Email" id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <AuthField
        label="Password"
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
        At least 10 characters.
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
        {submitting ? "Creating…" : "Create administrator"}
      </button>
    </form>
  );
}
