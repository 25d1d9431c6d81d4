import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPageUser } from "@/lib/auth/get-page-user";
import type { SessionUser } from "@/lib/auth/get-session-user";

/**
 * Settings are open to everyone signed in for their saved replies; the other sections are administrators'
 * (requireSettingsAdmin). Checked by the layout and again by each page, since a layout does not re-render on every
 * navigation.
 */
export async function requireSettingsUser(): Promise<SessionUser> {
  const user = await getPageUser(await headers());
  if (!user) redirect("/sign-in");
  return user;
}
