/** The snooze menu's presets, from `now` in the browser's time zone: in 1 h, in 4 h, tomorrow 9:00, next Monday 9:00. */
export function snoozePresets(now: Date = new Date()): { oneHour: Date; fourHours: Date; tomorrow: Date; nextWeek: Date } {
  const at9 = (daysAhead: number) => {
    const day = new Date(now);
    day.setDate(day.getDate() + daysAhead);
    day.setHours(9, 0, 0, 0);
    return day;
  };
  const daysToMonday = ((8 - now.getDay()) % 7) || 7;
  return {
    oneHour: new Date(now.getTime() + 3_600_000),
    fourHours: new Date(now.getTime() + 4 * 3_600_000),
    tomorrow: at9(1),
    nextWeek: at9(daysToMonday),
  };
}

/** A Date as the value of an <input type="datetime-local"> (local time, minutes). */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
