import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/lib/auth/has-any-user";
import { getDb } from "@/lib/db/client";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { authMessages } from "../messages";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authMessages[getRequestLocale(await headers())].setupTitle };
}

// First run only: once anyone exists, everyone signs in instead.
export default async function SetupPage() {
  if (await hasAnyUser(getDb())) redirect("/sign-in");
  const t = authMessages[getRequestLocale(await headers())];
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t.setupHeading}</h1>
      <p className="mb-6 text-sm text-slate-600">{t.setupIntro}</p>
      <SetupForm />
    </>
  );
}
