import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/lib/auth/has-any-user";
import { getDb } from "@/lib/db/client";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up · Seller Inbox" };
export const dynamic = "force-dynamic";

// First run only: once anyone exists, everyone signs in instead.
export default async function SetupPage() {
  if (await hasAnyUser(getDb())) redirect("/sign-in");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Set up Seller Inbox</h1>
      <p className="mb-6 text-sm text-slate-600">Create the first administrator. You can add agents and seller accounts afterwards.</p>
      <SetupForm />
    </>
  );
}
