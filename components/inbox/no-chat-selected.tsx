"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import { inboxMessages } from "./messages";

/** The right pane before a chat is chosen. */
export function NoChatSelected() {
  const t = useMessages(inboxMessages);
  return <p className="m-auto max-w-sm p-6 text-center text-slate-700">{t.pickChat}</p>;
}
