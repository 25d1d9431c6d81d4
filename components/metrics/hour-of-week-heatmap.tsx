"use client";

import type { HourOfWeekMetrics } from "@/lib/metrics/load-account-metrics";

/**
 * Hour of the week (rows: Monday…Sunday, columns: 0…23 h, Moscow time) shaded by a value. Colour is not the only
 * carrier: every cell has its number as a tooltip, and the whole grid is a table for screen readers.
 */
export function HourOfWeekHeatmap({
  title,
  cells,
  value,
  format,
  weekdays,
  hourHeader,
  emptyText,
}: {
  title: string;
  cells: readonly HourOfWeekMetrics[];
  value: (cell: HourOfWeekMetrics) => number | null;
  format: (value: number | null) => string;
  weekdays: readonly string[];
  hourHeader: string;
  emptyText: string;
}) {
  const byKey = new Map(cells.map((c) => [`${c.dow}-${c.hour}`, c]));
  const at = (dow: number, hour: number) => {
    const cell = byKey.get(`${dow}-${hour}`);
    return cell ? value(cell) : null;
  };
  const max = Math.max(0, ...cells.map((c) => value(c) ?? 0));
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{title}</figcaption>
      {max === 0 ? (
        <p className="text-sm text-slate-500">{emptyText}</p>
      ) : (
        <table className="w-full table-fixed border-separate border-spacing-px text-[10px]">
          <thead>
            <tr>
              <th scope="col" className="w-7">
                <span className="sr-only">{hourHeader}</span>
              </th>
              {hours.map((h) => (
                <th key={h} scope="col" className="font-normal text-slate-500">
                  <span aria-hidden={h % 3 !== 0}>{h % 3 === 0 ? h : ""}</span>
                  <span className="sr-only">{h % 3 === 0 ? "" : h}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weekdays.map((day, i) => (
              <tr key={day}>
                <th scope="row" className="pr-1 text-left font-normal text-slate-600">
                  {day}
                </th>
                {hours.map((h) => {
                  const v = at(i + 1, h);
                  const share = v === null || max === 0 ? 0 : v / max;
                  return (
                    <td
                      key={h}
                      title={`${day} ${h}:00 — ${format(v)}`}
                      className="h-4 rounded-sm"
                      style={{ backgroundColor: v === null ? "#f1f5f9" : `rgba(29, 78, 216, ${0.12 + share * 0.88})` }}
                    >
                      <span className="sr-only">{format(v)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
