"use client";

import { useMessages } from "@/components/i18n/locale-provider";
import { useLiveState } from "./live-updates";
import { liveMessages } from "./messages";

/** A quiet line while the live stream is down (the inbox then refreshes every few seconds instead). */
export function LiveIndicator() {
  const t = useMessages(liveMessages);
  const down = useLiveState() === "down";
  // Always present, so screen readers announce the change when the text appears.
  return (
    <span role="status" className="text-xs text-amber-700" data-testid="live-status">
      {down ? t.paused : ""}
    </span>
  );
}
