"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { describeApiError } from "@/components/i18n/describe-api-error";
import { useLocale, useMessages } from "@/components/i18n/locale-provider";
import { chatHref } from "@/components/inbox/api-paths";
import { LIVE_EVENT_DOM_NAME } from "@/components/live/live-updates";
import { FormStatus } from "@/components/ui/form-status";
import type { LiveEvent } from "@/lib/live/live-event";
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from "@/lib/team/notify-settings";
import { teamMessages, type TeamStrings } from "./messages";
import { createNotificationLimiter, pickNotification, type TeamNotification } from "./pick-notification";
import { useNotifySettings } from "./use-notify-settings";

const buttonClass = "rounded-md px-2 py-1 text-left ring-1 ring-slate-300 hover:bg-slate-100";

function headline(t: TeamStrings, n: TeamNotification): string {
  if (n.reason === "mention") return t.notifyMention(n.by ?? t.someoneElse);
  if (n.reason === "assigned") return n.automatic ? t.notifyAutoAssigned : t.notifyAssigned(n.by ?? t.someoneElse);
  return t.notifyMessage;
}

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.05;
    tone.frequency.value = 880;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.15);
    tone.onended = () => void audio.close();
  } catch {
    // No audio here: the visual notice stays.
  }
}

/**
 * The agent's notifications (their choices kept by the server: the same in every tab and on every device, the
 * defaults until read): a buyer's new message in a chat they own or in
 * the pool, a mention, a chat assigned to them — in the page (a notice with a link), in the tab's title
 * (`onUnseenChange`), with an optional sound, and as a desktop notification while the tab is in the background
 * (only after the agent turned them on; at most one per chat per minute).
 */
export function TeamNotifications({ userId, onUnseenChange }: { userId: string; onUnseenChange: (n: number) => void }) {
  const t = useMessages(teamMessages);
  const locale = useLocale();
  const { settings: stored, query, change } = useNotifySettings();
  const settings = stored ?? DEFAULT_NOTIFY_SETTINGS;
  const [notices, setNotices] = useState<TeamNotification[]>([]);
  const [permission, setPermission] = useState<NotificationPermission | "unsupported">("default");
  const limiter = useRef(createNotificationLimiter());
  const latest = useRef({ settings, t });
  useEffect(() => {
    latest.current = { settings, t };
  });
  useEffect(() => {
    // Read once the page runs in the browser (never during the server's render).
    const timer = setTimeout(() => setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission), 0);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    const onEvent = (event: Event) => {
      const { settings: current, t: strings } = latest.current;
      const notice = pickNotification((event as CustomEvent<LiveEvent>).detail, userId, current);
      if (!notice || !limiter.current(notice.chatId)) return;
      setNotices((list) => [...list.filter((n) => n.chatId !== notice.chatId), notice].slice(-3));
      if (current.sound) beep();
      if (document.hidden && typeof Notification !== "undefined" && Notification.permission === "granted") {
        const shown = new Notification(headline(strings, notice), { body: notice.text ?? undefined, tag: notice.chatId });
        shown.onclick = () => {
          window.focus();
          window.location.assign(chatHref(notice.accountId, notice.chatId));
        };
      }
    };
    window.addEventListener(LIVE_EVENT_DOM_NAME, onEvent);
    return () => window.removeEventListener(LIVE_EVENT_DOM_NAME, onEvent);
  }, [userId]);

  useEffect(() => onUnseenChange(notices.length), [notices.length, onUnseenChange]);

  const toggle = (key: keyof NotifySettings) => change.mutate({ [key]: !settings[key] });
  return (
    <>
      <details className="text-sm">
        <summary className="min-h-8 cursor-pointer text-slate-800">{t.notifications}</summary>
        <div className="space-y-1 pt-1" data-testid="notify-settings">
          <FormStatus read={query} pendingText={t.notifyLoading} describeError={(e) => describeApiError(locale, e)} retryLabel={t.retry} buttonClassName={buttonClass} />
          {stored &&
            (["ownChats", "pool", "sound"] as const).map((key) => (
              <label key={key} className="flex items-center gap-2">
                <input type="checkbox" checked={stored[key]} onChange={() => toggle(key)} />
                {key === "ownChats" ? t.notifyOwn : key === "pool" ? t.notifyPool : t.notifySound}
              </label>
            ))}
          {change.isError && (
            <p role="alert" className="text-red-700">
              {t.notifyNotSaved} {describeApiError(locale, change.error)}
            </p>
          )}
          {permission === "default" && (
            <button
              type="button"
              className={buttonClass}
              onClick={() => void Notification.requestPermission().then(setPermission)}
            >
              {t.notifyDesktop}
            </button>
          )}
          {permission === "granted" && <p className="text-slate-700">{t.notifyDesktopOn}</p>}
          {permission === "denied" && <p className="text-slate-700">{t.notifyDesktopBlocked}</p>}
        </div>
      </details>
      <div role="status" aria-live="polite" className="fixed bottom-3 right-3 z-50 w-80 max-w-[calc(100vw-1.5rem)] space-y-2" data-testid="team-notices">
        {notices.map((notice) => (
          <div key={notice.chatId} className="rounded-md border border-slate-300 bg-white p-3 text-sm shadow-lg">
            <p className="font-semibold">{headline(t, notice)}</p>
            {notice.text && <p className="truncate text-slate-800">{notice.text}</p>}
            <div className="mt-1 flex gap-3">
              <Link href={chatHref(notice.accountId, notice.chatId)} className="text-blue-800 underline" onClick={() => setNotices((list) => list.filter((n) => n !== notice))}>
                {t.openChat}
              </Link>
              <button type="button" className="text-slate-700 underline" onClick={() => setNotices((list) => list.filter((n) => n !== notice))}>
                {t.dismiss}
              </button>
            </div>
          </div>
        ))}
      </div>
    </>
  );
}
