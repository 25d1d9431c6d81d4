"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { useMessages } from "@/components/i18n/locale-provider";
import { searchMessages } from "./messages";

// The dialog is not part of the inbox's first load (see the effect below for when it is fetched).
const loadPaletteDialog = () => import("./palette-dialog").then((m) => m.PaletteDialog);
const PaletteDialog = dynamic(loadPaletteDialog, { ssr: false });

/**
 * Search over every chat the user may work, from anywhere: Ctrl/⌘+K or the header's button opens it. Results are
 * chats with the matching message marked; Enter or a click opens the chat at that message. A posting or order
 * number also offers its order page.
 */
export function CommandPalette() {
  const t = useMessages(searchMessages);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    // Fetched at the agent's first key or touch on the page: before Ctrl/⌘+K or a tap can open it, as a rule, and
    // never part of what a page costs to open.
    const prefetch = () => void loadPaletteDialog();
    const options = { once: true, capture: true, passive: true } as const;
    window.addEventListener("keydown", prefetch, options);
    window.addEventListener("pointerdown", prefetch, options);
    return () => {
      window.removeEventListener("keydown", prefetch, options);
      window.removeEventListener("pointerdown", prefetch, options);
    };
  }, []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <>
      <button
        type="button"
        onClick={(event) => {
          opener.current = event.currentTarget;
          setOpen(true);
        }}
        aria-keyshortcuts="Control+K Meta+K"
        aria-label={t.open}
        className="flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 lg:min-h-9"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="M13 13l4 4" />
        </svg>
        <span className="hidden sm:inline">{t.open}</span>
        <kbd className="hidden text-xs text-slate-600 lg:inline">{t.shortcut}</kbd>
      </button>
      {open && <PaletteDialog onClose={close} />}
    </>
  );
}
