"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { useMessages } from "@/components/i18n/locale-provider";
import { shellMessages } from "./messages";
import { isCurrentPath } from "./is-current-path";

/** The bar above every signed-in page: where to go, who is signed in, the language, sign out. */
export function AppHeader({ userName, isAdmin }: { userName: string; isAdmin: boolean }) {
  const t = useMessages(shellMessages);
  const pathname = usePathname();
  const links = [
    { href: "/inbox", label: t.inbox },
    { href: "/orders", label: t.orders },
    ...(isAdmin ? [{ href: "/settings", label: t.settings }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <span className="font-semibold">{t.appName}</span>
        <nav aria-label={t.mainNavigation}>
          <ul className="flex gap-1">
            {links.map((link) => {
              const current = isCurrentPath(pathname, link.href);
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={current ? "page" : undefined}
                    className={`rounded-md px-3 py-1.5 text-sm ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-4">
          <LiveIndicator />
          <span className="text-sm text-slate-600">{t.signedInAs(userName, isAdmin)}</span>
          <LanguageSwitch />
          <button
            type="button"
            onClick={() => void signOut({ callbackUrl: "/sign-in" })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            {t.signOut}
          </button>
        </div>
      </div>
    </header>
  );
}
