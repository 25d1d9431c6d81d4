export type DayGroup<T> = { day: string; items: T[] };

// Making a DateTimeFormat costs far more than formatting with one, and the thread asks for a day per message.
const dayFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** The calendar day of an instant in the browser's time zone (or the given one), as YYYY-MM-DD. */
export function localDayKey(iso: string, timeZone?: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

/** Consecutive items of the same day together, in the given order (the thread is oldest first). */
export function groupByDay<T extends { createdAt: string }>(items: T[], dayKey: (iso: string) => string = localDayKey): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = dayKey(item.createdAt);
    const current = groups[groups.length - 1];
    if (current && current.day === day) current.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
