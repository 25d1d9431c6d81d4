import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPageUser } from "@/lib/auth/get-page-user";
import type { SessionUser } from "@/lib/auth/get-session-user";

/**
 * Settings are administrators' alone: anyone else is sent to the inbox (the header shows them no link here). Checked
 * by the layout and again by each page, since a layout does not re-render on every navigation.
 */
export async function requireSettingsAdmin(): Promise<SessionUser> {
  const user = await getPageUser(await headers());
  if (!user) redirect("/sign-in");
  if (user.role !== "ADMIN") redirect("/inbox");
  return user;
}
