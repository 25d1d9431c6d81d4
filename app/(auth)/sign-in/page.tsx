import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in · Seller Inbox" };

export default function SignInPage() {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in to Seller Inbox</h1>
      <p className="mb-6 text-sm text-slate-600">Use the email and password your administrator gave you.</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </>
  );
}
