"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { CommandPalette } from "@/components/search/command-palette";
import { useMessages } from "@/components/i18n/locale-provider";
import { shellMessages } from "./messages";
import { isCurrentPath } from "./is-current-path";

type NavLink = { href: string; label: string };

function NavLinks({ links, pathname, vertical, label }: { links: NavLink[]; pathname: string; vertical: boolean; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className={vertical ? "flex flex-col gap-1" : "flex gap-1"}>
        {links.map((link) => {
          const current = isCurrentPath(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-11 items-center rounded-md px-3 text-sm lg:min-h-9 ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function SignOutButton({ label, wide }: { label: string; wide?: boolean }) {
  return (
    <button
      type="button"
      // next-auth's browser client is only needed here: loaded on the click, not with every page.
      onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/sign-in" }))}
      className={`min-h-11 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100 lg:min-h-9 ${wide ? "w-full" : ""}`}
    >
      {label}
    </button>
  );
}

/**
 * The bar above every signed-in page, one row at every width (its height is fixed: the inbox fills the rest of the
 * screen). Wide: where to go, who is signed in, the language, sign out. Narrow: the name and a menu button that
 * opens all of those in a panel.
 */
export function AppHeader({ userName, isAdmin }: { userName: string; isAdmin: boolean }) {
  const t = useMessages(shellMessages);
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const links: NavLink[] = [
    { href: "/inbox", label: t.inbox },
    { href: "/orders", label: t.orders },
    ...(isAdmin ? [{ href: "/metrics", label: t.metrics }] : []),
    // Everyone has settings: an agent's are their saved replies.
    { href: isAdmin ? "/settings" : "/settings/replies", label: t.settings },
  ];
  const section = links.find((link) => isCurrentPath(pathname, link.href));

  // A navigation closes the menu.
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  return (
    <header className="relative z-30 h-[3.25rem] shrink-0 border-b border-slate-200 bg-white">
      <div className="flex h-full items-center gap-x-4 px-3 lg:gap-x-6 lg:px-4">
        {/* On a phone the section's name gives way (cut with …) before the buttons do. */}
        <span className="min-w-0 shrink-[100] truncate font-semibold">
          {t.appName}
          {section && <span className="font-normal text-slate-600 lg:hidden"> · {section.label}</span>}
        </span>
        <div className="hidden lg:block">
          <NavLinks links={links} pathname={pathname} vertical={false} label={t.mainNavigation} />
        </div>
        <div className="ml-auto flex min-w-0 items-center gap-4">
          <CommandPalette />
          <LiveIndicator />
          <span className="hidden truncate text-sm text-slate-600 lg:inline">{t.signedInAs(userName, isAdmin)}</span>
          <span className="hidden lg:inline-flex">
            <LanguageSwitch />
          </span>
          <span className="hidden lg:inline">
            <SignOutButton label={t.signOut} />
          </span>
          <button
            ref={menuButton}
            type="button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
            className="flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-2 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100 lg:hidden"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              {menuOpen ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
            </svg>
            {t.menu}
          </button>
        </div>
      </div>
      {menuOpen && (
        <div id={menuId} className="absolute inset-x-0 top-full border-b border-slate-200 bg-white p-3 shadow-lg lg:hidden">
          <NavLinks links={links} pathname={pathname} vertical label={t.mainNavigation} />
          <div className="mt-3 space-y-3 border-t border-slate-200 pt-3">
            <p className="text-sm text-slate-600">{t.signedInAs(userName, isAdmin)}</p>
            <LanguageSwitch />
            <SignOutButton label={t.signOut} wide />
          </div>
        </div>
      )}
    </header>
  );
}
