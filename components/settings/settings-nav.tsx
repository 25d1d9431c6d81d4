"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMessages } from "@/components/i18n/locale-provider";
import { settingsMessages } from "./messages";
import { isCurrentPath } from "@/components/shell/is-current-path";

/** Settings' own sections: seller accounts and agents for administrators, and everyone's saved replies. */
export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const t = useMessages(settingsMessages);
  const pathname = usePathname();
  const links = [
    ...(isAdmin
      ? [
          { href: "/settings/accounts", label: t.sellerAccounts },
          { href: "/settings/agents", label: t.agents },
        ]
      : []),
    { href: "/settings/replies", label: t.savedReplies },
  ];
  return (
    <nav aria-label={t.sections} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-4">
        {links.map((link) => {
          const current = isCurrentPath(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 ${
                  current ? "border-blue-700 text-blue-800" : "border-transparent text-slate-700 hover:border-slate-300"
                }`}
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
