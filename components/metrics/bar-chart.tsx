"use client";

/**
 * A small bar chart in SVG, no library: one bar a category. The SVG is decoration for sighted users; the same
 * numbers are in a table for screen readers (the figure's caption names both).
 */
export function BarChart({
  title,
  labels,
  values,
  format,
  emptyText,
  labelHeader,
  color = "#1d4ed8",
}: {
  title: string;
  labels: readonly string[];
  values: readonly (number | null)[];
  format: (value: number | null) => string;
  emptyText: string;
  labelHeader: string;
  color?: string;
}) {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const width = 600;
  const height = 140;
  const gap = 2;
  const barWidth = labels.length > 0 ? width / labels.length : width;
  const tickEvery = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{title}</figcaption>
      {max === 0 ? (
        <p className="text-sm text-slate-500">{emptyText}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${width} ${height + 18}`} className="h-auto w-full" aria-hidden="true" focusable="false">
            <line x1={0} y1={height} x2={width} y2={height} stroke="#cbd5e1" />
            {values.map((v, i) => {
              const h = max === 0 ? 0 : ((v ?? 0) / max) * (height - 14);
              return (
                <g key={labels[i]}>
                  <rect x={i * barWidth + gap / 2} y={height - h} width={Math.max(1, barWidth - gap)} height={h} fill={color} rx={1}>
                    <title>{`${labels[i]}: ${format(v)}`}</title>
                  </rect>
                  {i % tickEvery === 0 ? (
                    <text x={i * barWidth + barWidth / 2} y={height + 14} textAnchor="middle" fontSize={11} fill="#475569">
                      {labels[i]}
                    </text>
                  ) : null}
                </g>
              );
            })}
            <text x={2} y={11} fontSize={11} fill="#475569">
              {format(max)}
            </text>
          </svg>
          {/* Hidden in a box, not on the table itself: a table is as wide as its content whatever its width, and an
              "sr-only" table of long Russian labels widened the phone's page. */}
          <div className="sr-only">
            <table>
              <thead>
                <tr>
                  <th scope="col">{labelHeader}</th>
                  <th scope="col">{title}</th>
                </tr>
              </thead>
              <tbody>
                {labels.map((label, i) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{format(values[i] ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
