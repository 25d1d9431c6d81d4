import type { Metadata } from "next";
import { headers } from "next/headers";
import { Suspense } from "react";
import { getRequestLocale } from "@/lib/i18n/get-request-locale";
import { authMessages } from "../messages";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: authMessages[getRequestLocale(await headers())].signInTitle };
}

export default async function SignInPage() {
  const t = authMessages[getRequestLocale(await headers())];
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t.signInHeading}</h1>
      <p className="mb-6 text-sm text-slate-600">{t.signInIntro}</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </>
  );
}
