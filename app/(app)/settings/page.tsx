import { redirect } from "next/navigation";
import { requireSettingsUser } from "./require-settings-user";

// Settings open on their first section: seller accounts for administrators, saved replies (their only one) for agents.
export default async function SettingsPage() {
  const user = await requireSettingsUser();
  redirect(user.role === "ADMIN" ? "/settings/accounts" : "/settings/replies");
}
