import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { LiveUpdates } from "@/components/live/live-updates";
import { AppHeader } from "@/components/shell/app-header";
import { getPageUser } from "@/lib/auth/get-page-user";
import { hasAnyUser } from "@/lib/auth/has-any-user";
import { getDb } from "@/lib/db/client";

// Every signed-in page: the session is checked here, once, before any of them renders.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser(await headers());
  if (!user) redirect((await hasAnyUser(getDb())) ? "/sign-in" : "/setup");
  return (
    // One live stream per tab for every signed-in page, so moving between pages keeps it open.
    <LiveUpdates userId={user.id}>
      <div className="flex min-h-screen flex-col">
        <AppHeader userName={user.name} isAdmin={user.role === "ADMIN"} />
        <div className="flex min-h-0 flex-1 flex-col">{children}</div>
      </div>
    </LiveUpdates>
  );
}
