import { redirect } from "next/navigation";
import type { SessionUser } from "@/lib/auth/get-session-user";
import { requireSettingsUser } from "./require-settings-user";

/**
 * Seller accounts and agents are administrators' alone: anyone else is sent to the inbox (their settings show only
 * saved replies). Checked by each of those pages.
 */
export async function requireSettingsAdmin(): Promise<SessionUser> {
  const user = await requireSettingsUser();
  if (user.role !== "ADMIN") redirect("/inbox");
  return user;
}
