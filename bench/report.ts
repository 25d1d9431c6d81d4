/** The one table `npm run bench` prints: each figure, its target, pass or miss. */
import { round } from "./stats";

export type Row = { figure: string; value: string; target?: string; pass?: boolean };

export function printTable(title: string, rows: Row[]): string {
  const cells = rows.map((r) => [r.figure, r.value, r.target ?? "", r.pass === undefined ? "" : r.pass ? "pass" : "MISS"]);
  const head = ["figure", "value", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join("  ").trimEnd();
  return [title, line(head), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export function ms(value: number): string {
  return `${round(value, value < 10 ? 2 : 1)} ms`;
}
