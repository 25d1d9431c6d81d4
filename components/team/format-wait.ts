import type { TeamStrings } from "./messages";

/** How long the buyer has waited, in the largest whole unit: "5 min", "3 h", "2 d". */
export function formatWait(t: TeamStrings, sinceIso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 60) return t.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t.hours(hours);
  return t.days(Math.floor(hours / 24));
}
